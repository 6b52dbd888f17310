import { z } from "zod";
import { parseMobile } from "../phone/mobile";
import { parseAddition, parseHouseNumber, type HouseNumberParts } from "../applications/parse-house-number";
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
        // Aborts: no later check may run over a megabyte a hostile client posted.
        .max(max, { error: "tooLong", abort: true })
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

/** A house number as typed, checked but still text: "12a", "12-2", "12A-2", "12 bis", "12 1e etage". */
const houseNumberText = z
  .string({ error: (issue) => (missing(issue.input) ? "required" : "invalid") })
  .trim()
  .min(1, "required")
  .max(24, "houseNumber")
  .refine((value) => parseHouseNumber(value).ok, "houseNumber");

/** The three columns of a house number from `parseHouseNumber`, or null when it is not one. */
function houseNumberParts(number: string, addition = ""): HouseNumberParts | null {
  const result = parseHouseNumber(number, addition);
  return result.ok ? { houseNumber: result.houseNumber, houseLetter: result.houseLetter, houseNumberSuffix: result.houseNumberSuffix } : null;
}

/**
 * A house number as BAG models it (lib/applications/parse-house-number.ts): "12", "12a",
 * "12-2", "12A-2", "12 bis", "12 1e etage" → number, letter and addition.
 */
export const houseNumberField = houseNumberText.transform((value) => houseNumberParts(value)!);

/** An addition typed in its own field or column ("a", "-2", "bis", "A-2"); empty or absent is "". */
const houseAdditionText = z
  .string({ error: "houseNumber" })
  .trim()
  .max(24, "houseNumber")
  .refine((value) => parseAddition(value) !== undefined, "houseNumber")
  .default("");

export const acceptedField = z.literal("on", { error: "acceptRules" });

// A web address in a name: "http(s)://", "www.", or a domain-like "word.tld" ("J.H. de Vries"
// and "v.d. Berg" are not: their parts before a dot are single letters or followed by a space).
const WEB_ADDRESS = /[a-z][a-z\d+.-]{0,31}:\/\/|\bwww\.|[\p{L}\p{N}-]{2,63}\.\p{L}{2,63}(?![\p{L}\p{N}])|\/\//iu;

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

// Runs of spaces and tabs inside one line are one space (a spreadsheet cell, a pasted name).
const oneLine = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "string" ? value.replace(/[ \t\u00A0]+/gu, " ") : value), schema);

/**
 * The resident's details, ONE rule per field for every way an application comes in: the apply
 * form and the resident's correction (lib/applications/apply.schema.ts), the coordinator's edit
 * (application-edit.schema.ts), mail intake and import (application-fields.schema.ts). Issue 12
 * item 3: the same value gets the same verdict and the same stored value everywhere
 * (tests/unit/field-schemas.test.ts). Each path may word the codes its own way, never change
 * the rule.
 * - name: 2–100 characters, NFC, one space between words, no control/bidi character, no web address (`link`)
 * - street: 2–100 characters, the same text rule without the web-address check
 * - mobile: a mobile number (lib/phone/mobile.ts) as E.164; `mobile`, `landline` or `notMobile`
 * - houseNumber / houseNumberSuffix: text checked with lib/applications/parse-house-number.ts;
 *   `withHouseNumberParts` turns the pair into the three BAG columns (a form with one field sends no addition)
 * - postcode: a Dutch postcode as "6951AB"; `postcode`
 * - email: optional, trimmed and lower-cased, at most 254 characters; `email`
 */
export const residentFields = {
  name: oneLine(personName(100, { min: 2 })),
  mobile: mobileField,
  street: oneLine(text(100, { min: 2 })),
  houseNumber: houseNumberText,
  houseNumberSuffix: houseAdditionText,
  postcode: postcodeField,
  email: optionalEmailField,
};

/**
 * For an object schema built from `residentFields`: replaces the typed house number and addition
 * by the three BAG columns, and an absent e-mail by null (the database's "none"). A letter or
 * addition that only fails in combination is reported on `houseNumberSuffix` with `houseNumber`.
 */
export function withHouseNumberParts<T extends { houseNumber: string; houseNumberSuffix: string; email?: string }>(fields: T, ctx: z.RefinementCtx) {
  const parts = houseNumberParts(fields.houseNumber, fields.houseNumberSuffix);
  if (!parts) {
    ctx.addIssue({ code: "custom", path: ["houseNumberSuffix"], message: "houseNumber" });
    return z.NEVER;
  }
  return { ...fields, ...parts, email: fields.email ?? null };
}
