import { z } from "zod";
import type net from "node:net";
import { parseTrustedProxies } from "../http/client-address";
import { ConfigError, type Env } from "./config-error";

/**
 * The deployment's settings, read once from the environment. Every variable is listed in
 * .env.example; a bad value stops start-up with one sentence naming it.
 */

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

const period = (fallback: number) =>
  z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be at least 1").max(120, "must be at most 120").default(fallback);

const schema = z.object({
  APP_URL: url(["http:", "https:"]).default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  SMTP_URL: url(["smtp:", "smtps:"]).optional(),
  MAIL_FROM: z.string().trim().min(3).optional(),
  ORGANISATION_NAME: z.string().trim().min(2).max(120).default("Buurtpreventie Dieren-West"),
  NEIGHBOURHOOD_NAME: z.string().trim().min(2).max(80).default("Dieren-West"),
  MUNICIPALITY_NAME: z.string().trim().min(2).max(80).default("gemeente Rheden"),
  MAILBOX_ADDRESS: z.email("must be an e-mail address").default("buurtpreventie@dieren-west.nl"),
  DEV_OUTBOX: z.enum(["true", "false"], "must be true or false").default("false"),
  // Public forms sent sooner than this after the page was served are asked to be sent again.
  // Proxies whose X-Forwarded-For is believed (lib/http/client-address.ts); empty: none.
  TRUSTED_PROXIES: z.string().trim().superRefine((value, context) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: `has ${(error as Error).message}` });
    }
  }).optional(),
  FORM_MIN_SECONDS: z.coerce.number("must be a whole number").int("must be a whole number").min(0, "must be at least 0").max(60, "must be at most 60").default(3),
  // Retention (AVG): lib/privacy/retention-policy.ts explains each; the privacy statement shows them.
  RETENTION_REJECTED_DAYS: period(30),
  RETENTION_WITHDRAWN_DAYS: period(30),
  RETENTION_LEFT_MONTHS: period(12),
  RETENTION_WAITING_RECONFIRM_MONTHS: period(12),
  RETENTION_WAITING_ERASE_MONTHS: period(24),
  RETENTION_MESSAGES_MONTHS: period(12),
  RETENTION_AUDIT_MONTHS: period(24),
  RETENTION_BLOCKED_MONTHS: period(24),
  // The yearly member check (lib/members/member-check.ts): members are asked this often whether
  // they still live in the area; 0 turns the check off.
  MEMBER_CHECK_MONTHS: z.coerce.number("must be a whole number").int("must be a whole number").min(0, "must be at least 0").max(120, "must be at most 120").default(12),
});

/** Every environment variable the app reads; .env.example and docker-compose.yml are tested against it. */
export const ENV_VARIABLES = ["DATABASE_URL", "MIGRATION_DATABASE_URL", "DATA_DIR", "PORT", "HOSTNAME", ...Object.keys(schema.shape)] as const;

export type AppConfig = z.infer<typeof schema> & {
  production: boolean;
  mailFrom: string;
  /** AUTH_SECRET, or outside production a fixed development value. */
  secret: string;
  /** TRUSTED_PROXIES, parsed: the peers whose X-Forwarded-For names the client. */
  trustedProxies: net.BlockList;
  /** The dev outbox page shows every stored mail, sign-in links included: never with real mail. */
  devOutbox: boolean;
};

// Outside production only; production refuses to start without AUTH_SECRET.
const DEVELOPMENT_SECRET = "development-only-secret-never-use-in-production";

let cached: AppConfig | undefined;

export function parseConfig(env: Env = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}.`);
  }
  const production = env.NODE_ENV === "production";
  if (production && !result.data.AUTH_SECRET) {
    throw new ConfigError("AUTH_SECRET is required in production (generate one with: openssl rand -base64 32).");
  }
  if (result.data.RETENTION_WAITING_RECONFIRM_MONTHS >= result.data.RETENTION_WAITING_ERASE_MONTHS) {
    throw new ConfigError("RETENTION_WAITING_RECONFIRM_MONTHS must be less than RETENTION_WAITING_ERASE_MONTHS (residents are asked before they are erased).");
  }
  if (result.data.DEV_OUTBOX === "true" && result.data.SMTP_URL) {
    throw new ConfigError("DEV_OUTBOX must not be true when SMTP_URL is set: the dev outbox shows sign-in links.");
  }
  return {
    ...result.data,
    production,
    secret: result.data.AUTH_SECRET ?? DEVELOPMENT_SECRET,
    devOutbox: result.data.DEV_OUTBOX === "true",
    trustedProxies: parseTrustedProxies(result.data.TRUSTED_PROXIES),
    mailFrom: result.data.MAIL_FROM ?? `"${result.data.ORGANISATION_NAME}" <${result.data.MAILBOX_ADDRESS}>`,
  };
}

export function config(): AppConfig {
  cached ??= parseConfig();
  return cached;
}
