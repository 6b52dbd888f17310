import { z } from "zod";
import { acceptedField, houseNumberField, residentFields } from "../public-forms/fields.schema";

/**
 * The resident's details, as the apply form and the private page's correction form send them:
 * the shared `residentFields`, with the house number, letter and addition typed in one field.
 */
export const residentDetailsSchema = z.object({
  name: residentFields.name,
  mobile: residentFields.mobile,
  street: residentFields.street,
  houseNumber: houseNumberField,
  postcode: residentFields.postcode,
  email: residentFields.email,
});

export const applySchema = residentDetailsSchema.extend({
  acceptRules: acceptedField,
  /** The answer to "Bedoel je …?": the suggested street, or the street as typed. */
  addressChoice: z.enum(["suggested", "typed"]).optional().catch(undefined),
  suggestedStreet: z.string().max(100).optional().catch(undefined),
});

export type ResidentDetails = z.infer<typeof residentDetailsSchema>;
export type ApplyInput = z.infer<typeof applySchema>;

export const APPLY_FIELDS = ["name", "mobile", "street", "houseNumber", "postcode", "email", "acceptRules", "addressChoice", "suggestedStreet"] as const;
