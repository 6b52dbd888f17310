import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { withScope } from "../db";
import { DomainValidationError } from "../errors";
import { clientAddress } from "../http/client-address";
import { isLocale, type AppLocale } from "../i18n/locales";
import { consumeRateLimit, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { checkFormGuard, releaseFormToken, useFormToken } from "./form-guard";
import { FormQuestion, type FormState } from "./form-state";

export interface PublicForm<S extends z.ZodType> {
  /** Names the form in its signed token, so one form's token does not fit another. */
  form: string;
  schema: S;
  /** The fields echoed back to fill the form in again. */
  fields: readonly string[];
  /** Per client address (lib/http/client-address.ts); skipped when absent. */
  limit?: RateLimitRule;
  /** Where a bot that filled the honeypot is sent: the same page a person sees. */
  botRedirect: string;
  /** The work; returns where to send the visitor after it is stored. */
  run: (data: z.infer<S>, context: { locale: AppLocale }) => Promise<string>;
}

const MAX_ECHO = 4000;

/**
 * One pipeline for every public form: spam checks, validation with field errors in the
 * visitor's language, a rate limit per client, then the work. Nothing is stored unless every
 * check passes. A database that is down gives "try again", never a 500; the visitor is sent on
 * (a redirect) only after the work is committed.
 */
export async function handlePublicForm<S extends z.ZodType>(spec: PublicForm<S>, formData: FormData): Promise<FormState> {
  const t = await getTranslations("publicForms");
  const values = Object.fromEntries(
    spec.fields.map((field) => {
      const value = formData.get(field);
      return [field, typeof value === "string" ? value.slice(0, MAX_ECHO) : ""];
    }),
  );

  const verdict = checkFormGuard(spec.form, formData);
  if (verdict === "bot") redirect(spec.botRedirect);
  if (verdict !== "ok") return { values, notice: { kind: "retry", text: t("notice.retry") } };

  const parsed = spec.schema.safeParse(formValues(formData, spec.fields));
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues, t), notice: { kind: "error", text: t("notice.invalid") } };

  const locale = await getLocale();
  let next: string;
  let tokenUsed = false;
  try {
    if (spec.limit) {
      const address = clientAddress(await headers());
      const verdict = await withScope({ role: "service" }, (tx) => consumeRateLimit(tx, spec.limit!, address));
      if (!verdict.allowed) {
        return { values, notice: { kind: "error", text: t("notice.tooMany", { minutes: Math.ceil(verdict.retryAfterSeconds / 60) }) } };
      }
    }
    // One served form, one accepted post: a replayed token is refused (issue 11 item 5).
    if (!(await withScope({ role: "service" }, (tx) => useFormToken(tx, spec.form, formData)))) {
      return { values, notice: { kind: "error", text: t("notice.alreadySent") } };
    }
    tokenUsed = true;
    next = await spec.run(parsed.data, { locale: isLocale(locale) ? locale : "nl" });
  } catch (error) {
    if (tokenUsed) await withScope({ role: "service" }, (tx) => releaseFormToken(tx, spec.form, formData)).catch(() => {});
    if (error instanceof FormQuestion) {
      const params = { street: error.suggestion };
      return {
        values,
        question: {
          text: t("question.didYouMeanStreet", params),
          accept: t("question.accept", params),
          keep: t("question.keep"),
          note: t("question.note"),
          suggestion: error.suggestion,
          suggestionField: "suggestedStreet",
          choiceField: "addressChoice",
        },
      };
    }
    if (error instanceof DomainValidationError) {
      return { values, errors: translateErrors(error.fieldErrors, t), notice: { kind: "error", text: t("notice.invalid") } };
    }
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`${spec.form}: database unavailable: ${(error as Error).message}`);
    return { values, notice: { kind: "unavailable", text: t("notice.unavailable") } };
  }
  redirect(next);
}

/**
 * The fields to validate. A field sent twice is passed on as a list, which no schema accepts:
 * a browser never does that, and taking the first value would validate something else than
 * what was sent.
 */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => {
      const all = formData.getAll(field);
      return [field, all.length > 1 ? all : all[0]];
    }),
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"publicForms">>>;

const CODES = ["required", "invalid", "tooShort", "tooLong", "email", "postcode", "houseNumber", "mobile", "landline", "notMobile", "acceptRules", "outsideArea", "link", "duplicateNumber"] as const;
type Code = (typeof CODES)[number];

function message(code: string, t: Translate): string {
  return t(`errors.${(CODES as readonly string[]).includes(code) ? (code as Code) : "invalid"}`);
}

/** The first problem of each field, in the visitor's language. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= message(issue.message, t);
  }
  return errors;
}

export function translateErrors(codes: Record<string, string>, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, message(code, t)]));
}
