import crypto from "node:crypto";
import { config } from "../config/env";
import { keyedHash } from "../crypto/keyed-hash";

/** The hidden field that carries when the form was served, signed so it cannot be forged. */
export const FORM_TOKEN_FIELD = "formToken";
/** Left empty by people (it is hidden); bots that fill every field fill it. */
export const HONEYPOT_FIELD = "website";

const MAX_AGE_MS = 24 * 60 * 60_000;

function signature(form: string, issuedAt: number): string {
  return keyedHash("form-time", `${form}:${issuedAt}`);
}

/** Rendered into the form when the page is served. */
export function issueFormToken(form: string, now = Date.now()): string {
  return `${now}.${signature(form, now)}`;
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
  const [issued, signed] = token.split(".");
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !signed) return "stale";
  const expected = Buffer.from(signature(form, issuedAt));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return "stale";
  if (now - issuedAt > MAX_AGE_MS || issuedAt > now + 60_000) return "stale";
  if (now - issuedAt < minSeconds * 1000) return "tooFast";
  return "ok";
}
