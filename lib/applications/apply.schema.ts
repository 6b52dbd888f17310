import { z } from "zod";
import { acceptedField, houseNumberField, residentFields } from "../public-forms/fields.schema";

// The public forms type the house number, letter and addition in one field: no addition field.
const { houseNumberSuffix: _addition, ...oneFieldAddress } = residentFields;

/**
 * The resident's details, as the apply form and the private page's correction form send them:
 * the shared `residentFields`, with the house number, letter and addition typed in one field.
 */
export const residentDetailsSchema = z.object({
  ...oneFieldAddress,
  houseNumber: houseNumberField,
});

export const applySchema = residentDetailsSchema.extend({
  acceptRules: acceptedField,
  /** The answer to "Bedoel je …?": the suggested street, or the street as typed. */
  addressChoice: z.enum(["suggested", "typed"]).optional().catch(undefined),
  suggestedStreet: z.string().max(100).optional().catch(undefined),
});

export type ResidentDetails = z.infer<typeof residentDetailsSchema>;
export type ApplyInput = z.infer<typeof applySchema>;

/** The fields of the correction form whose values a refusal echoes back: all of them. */
export const RESIDENT_DETAIL_FIELDS = Object.keys(residentDetailsSchema.shape) as (keyof ResidentDetails)[];

/** The fields of the apply form whose values a refusal echoes back (and the "Bedoel je …?" question keeps): all of them. */
export const APPLY_FIELDS = Object.keys(applySchema.shape) as (keyof ApplyInput)[];
