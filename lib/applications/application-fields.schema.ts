import { z } from "zod";
import { residentFields, withHouseNumberParts } from "../public-forms/fields.schema";

/**
 * The fields of an application as a person types them (a form, or a spreadsheet's cells), checked
 * and normalised: mobile as E.164, postcode as "6951AB", house number split from its addition.
 * Every issue's message is a code (`required`, `landline`, …) that the page translates, keyed by
 * the field it belongs to; every field is checked, so a form shows all its problems at once.
 * No server imports: forms and actions share it.
 */
export const APPLICATION_FIELDS = ["name", "mobile", "street", "houseNumber", "houseNumberSuffix", "postcode", "email"] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export const FIELD_ERROR_CODES = ["required", "tooShort", "tooLong", "invalid", "link", "landline", "notMobile"] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type FieldErrors = Partial<Record<ApplicationField, FieldErrorCode>>;

/**
 * The shared `residentFields` (the web form's and the coordinator's rules), each field checked on
 * its own so a row shows every problem at once, then the house number split into its columns.
 */
export const applicationFieldsSchema = z.object(residentFields).transform(withHouseNumberParts);

/** The fields as typed: text per field, absent when a file has no such column. */
export type ApplicationFieldsInput = Partial<Record<ApplicationField, string>>;
export type ApplicationFields = z.output<typeof applicationFieldsSchema>;

/** The first problem of each field, as codes; the phone, postcode, house number and e-mail codes are all "invalid" here (intake.json words them per field). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as ApplicationField | undefined;
    if (!field || errors[field]) continue;
    errors[field] = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorCode) : "invalid";
  }
  return errors;
}
