import crypto from "node:crypto";
import { config } from "../config/env";
import { keyedHash } from "../crypto/keyed-hash";
import type { Tx } from "../db/scope";
import { rateLimitKey, type RateLimitRule } from "../rate-limit/consume-rate-limit";

/** The hidden field that carries when the form was served, signed so it cannot be forged. */
export const FORM_TOKEN_FIELD = "formToken";
/** Left empty by people (it is hidden); bots that fill every field fill it. */
export const HONEYPOT_FIELD = "website";

const MAX_AGE_MS = 24 * 60 * 60_000;

function signature(form: string, issuedAt: number, nonce: string, secret?: string): string {
  return keyedHash("form-time", `${form}:${issuedAt}:${nonce}`, secret);
}

/**
 * Rendered into the form when the page is served: `issuedAt.nonce.signature` (ms since the
 * epoch, UTC). The random nonce makes every served form's token its own, so it can be used once.
 * `secret` defaults to AUTH_SECRET (the benchmark mints tokens for the server it started).
 */
export function issueFormToken(form: string, now = Date.now(), secret?: string): string {
  const nonce = crypto.randomBytes(12).toString("base64url");
  return `${now}.${nonce}.${signature(form, now, nonce, secret)}`;
}

export type GuardVerdict = "ok" | "bot" | "tooFast" | "stale";

/**
 * Spam checks without a CAPTCHA: a filled honeypot is a bot (answered as if all went well, so
 * it learns nothing); a form sent too soon after it was served, or with a missing, forged or
 * day-old token, is handed back to be checked and sent again (a person loses nothing).
 */
export function checkFormGuard(
  form: string,
  formData: FormData,
  { now = Date.now(), minSeconds = config().FORM_MIN_SECONDS } = {},
): GuardVerdict {
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot !== "string" || honeypot !== "") return honeypot === null ? "stale" : "bot";
  const token = formData.get(FORM_TOKEN_FIELD);
  if (typeof token !== "string" || token.length > 100) return "stale";
  const [issued, nonce, signed, extra] = token.split(".");
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !nonce || !signed || extra !== undefined) return "stale";
  const expected = Buffer.from(signature(form, issuedAt, nonce));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return "stale";
  if (now - issuedAt > MAX_AGE_MS || issuedAt > now + 60_000) return "stale";
  if (now - issuedAt < minSeconds * 1000) return "tooFast";
  return "ok";
}

/** How long a used token is remembered: as long as it could still pass checkFormGuard. */
const USED_TOKEN_RULE = { limit: 1, windowMs: MAX_AGE_MS + 60_000 };

/**
 * The attempt that marks a form token (already passed by checkFormGuard) as used, for
 * consumeRateLimits in the RateLimit table: one atomic upsert, so of two posts with one token
 * exactly one is allowed, on every instance. The token is stored only as a keyed hash and
 * forgotten once it would be stale anyway.
 */
export function formTokenUse(form: string, formData: FormData): { rule: RateLimitRule; subject: string } {
  return { rule: { name: `form-token:${form}`, ...USED_TOKEN_RULE }, subject: String(formData.get(FORM_TOKEN_FIELD)) };
}

/**
 * Gives a token back after the work refused the form (a field the visitor must correct) or
 * could not be done (database down), so the same page can send it again.
 */
export async function releaseFormToken(tx: Tx, form: string, formData: FormData): Promise<void> {
  const key = rateLimitKey(`form-token:${form}`, String(formData.get(FORM_TOKEN_FIELD)));
  await tx.$executeRaw`DELETE FROM "RateLimit" WHERE key = ${key}`;
}
