import { z } from "zod";
import { parseMobile } from "../phone/mobile";
import { parseHouseNumber } from "../applications/parse-house-number";
import { normalisePostcode } from "../subareas/address";

/**
 * Field schemas shared by the public forms. Every message is a code (`required`, `tooLong`, …)
 * that the action translates under `publicForms.errors`; no server imports here.
 */

// Control characters and bidirectional overrides have no place in a name or an address: they
// only serve to make text look different from what it is.
const HOSTILE = /[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/u;

const missing = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A required line of text, NFC-normalised and trimmed. */
export function text(max: number, { min = 1, multiline = false } = {}) {
  return z
    .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, { error: "required", abort: true })
        .min(min, "tooShort")
        .max(max, "tooLong")
        .refine((value) => !HOSTILE.test(multiline ? value.replace(/\r?\n/g, " ") : value), "invalid"),
    );
}

/** An optional line of text: empty becomes undefined. */
export function optionalText(max: number, options?: { multiline?: boolean }) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), text(max, options).optional());
}

export const mobileField = z
  .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
  .trim()
  .min(1, "required")
  .transform((value, ctx) => {
    const result = parseMobile(value);
    if (result.ok) return result.e164;
    // Not a phone number at all gets the phone message, not the generic "ordinary letters and digits".
    ctx.addIssue({ code: "custom", message: result.reason === "invalid" ? "mobile" : result.reason });
    return z.NEVER;
  });

export const emailField = z
  .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
  .trim()
  .toLowerCase()
  .min(1, "required")
  .pipe(z.email("email").max(254, "tooLong"));

export const optionalEmailField = z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), emailField.optional());

export const postcodeField = z
  .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
  .trim()
  .min(1, "required")
  .max(16, "postcode")
  .transform((value, ctx) => {
    const postcode = normalisePostcode(value);
    if (postcode) return postcode;
    ctx.addIssue({ code: "custom", message: "postcode" });
    return z.NEVER;
  });

/**
 * A house number as BAG models it (lib/applications/parse-house-number.ts): "12", "12a",
 * "12-2", "12A-2", "12 bis", "12 1e etage" → number, letter and addition.
 */
export const houseNumberField = z
  .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
  .trim()
  .min(1, "required")
  .max(24, "houseNumber")
  .transform((value, ctx) => {
    const result = parseHouseNumber(value);
    if (result.ok) return { houseNumber: result.houseNumber, houseLetter: result.houseLetter, houseNumberSuffix: result.houseNumberSuffix };
      ctx.addIssue({ code: "custom", message: "houseNumber" });
      return z.NEVER;
  });

export const acceptedField = z.literal("on", { error: "acceptRules" });

// A web address in a name: "http(s)://", "www.", or a domain-like "word.tld" ("J.H. de Vries"
// and "v.d. Berg" are not: their parts before a dot are single letters or followed by a space).
const WEB_ADDRESS = /[a-z][a-z\d+.-]*:\/\/|\bwww\.|[\p{L}\p{N}-]{2,}\.\p{L}{2,}(?![\p{L}\p{N}])|\/\//iu;

/**
 * A person's name (apply, volunteer, contact, the resident's correction): `text()` that refuses
 * a web address with the code `link`. Names go into the coordinators' screens and exports, and
 * a name that carries a link is how phishing text gets a sender (issue 11 item 6).
 */
export function personName(max: number, options?: { min?: number }) {
  return text(max, options).refine((value) => !WEB_ADDRESS.test(value), "link");
}

/** An optional person's name: empty becomes undefined. */
export function optionalPersonName(max: number) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), personName(max).optional());
}
