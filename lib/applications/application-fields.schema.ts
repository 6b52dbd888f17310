import { z } from "zod";
import { normalisePostcode } from "../subareas/address";
import { parseAddition, parseHouseNumber } from "./parse-house-number";
import { parseMobile } from "../phone/mobile";
import { text as sharedText } from "../public-forms/fields.schema";

/**
 * The fields of an application as a person types them (a form, or a spreadsheet's cells), checked
 * and normalised: mobile as E.164, postcode as "6951AB", house number split from its addition.
 * Every issue's message is a code (`required`, `landline`, …) that the page translates, keyed by
 * the field it belongs to; every field is checked, so a form shows all its problems at once.
 * No server imports: forms and actions share it.
 */
export const APPLICATION_FIELDS = ["name", "mobile", "street", "houseNumber", "houseNumberSuffix", "postcode", "email"] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export const FIELD_ERROR_CODES = ["required", "tooLong", "invalid", "landline", "notMobile"] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type FieldErrors = Partial<Record<ApplicationField, FieldErrorCode>>;

const input = z.string().max(1000, "tooLong").default("");

// Name and street: the web form's fields (length, NFC, no control or bidi characters), after the cell's runs of spaces are one.
const text = (max: number) => input.transform((value) => value.replace(/[ \t]+/g, " ")).pipe(sharedText(max));

/** Runs a parser that answers `{ ok }` or `{ ok: false, reason }` as a zod transform. */
function parsed<T>(parse: (value: string) => { ok: true; value: T } | { ok: false; reason: FieldErrorCode }) {
  return input.transform((value, ctx) => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  });
}

export const applicationFieldsSchema = z
  .object({
    name: text(100),
    mobile: parsed((value) => {
      if (!value.trim()) return { ok: false, reason: "required" };
      const result = parseMobile(value);
      return result.ok ? { ok: true, value: result.e164 } : result;
    }),
    street: text(100),
    // Checked on their own first, so each shows its own problem beside the other fields'.
    houseNumber: parsed((value) => {
      const result = parseHouseNumber(value);
      return result.ok ? { ok: true, value } : result;
    }),
    houseNumberSuffix: parsed((value) => (parseAddition(value) === undefined ? { ok: false, reason: "invalid" } : { ok: true, value })),
    postcode: parsed((value) => {
      if (!value.trim()) return { ok: false, reason: "required" };
      const postcode = normalisePostcode(value);
      return postcode ? { ok: true, value: postcode } : { ok: false, reason: "invalid" };
    }),
    email: input
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.union([z.literal(""), z.email("invalid").max(254, "invalid")], { error: "invalid" })),
  })
  .transform((fields, ctx) => {
    // Number, letter and addition as BAG models them; an addition in its own column joins the number's.
    const house = parseHouseNumber(fields.houseNumber, fields.houseNumberSuffix);
    if (!house.ok) {
      ctx.addIssue({ code: "custom", path: ["houseNumberSuffix"], message: "invalid" });
      return z.NEVER;
    }
    return {
      name: fields.name,
      mobile: fields.mobile,
      street: fields.street,
      houseNumber: house.houseNumber,
      houseLetter: house.houseLetter,
      houseNumberSuffix: house.houseNumberSuffix,
      postcode: fields.postcode,
      email: fields.email || null,
    };
  });

export type ApplicationFieldsInput = z.input<typeof applicationFieldsSchema>;
export type ApplicationFields = z.output<typeof applicationFieldsSchema>;

/** The first problem of each field, as codes. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as ApplicationField | undefined;
    if (!field || errors[field]) continue;
    errors[field] = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorCode) : "invalid";
  }
  return errors;
}
