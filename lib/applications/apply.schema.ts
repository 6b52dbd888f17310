import { z } from "zod";
import { acceptedField, houseNumberField, mobileField, optionalEmailField, personName, postcodeField, text } from "../public-forms/fields.schema";

/** The resident's details, as the apply form and the private page's correction form send them. */
export const residentDetailsSchema = z.object({
  name: personName(100, { min: 2 }),
  mobile: mobileField,
  street: text(100, { min: 2 }),
  houseNumber: houseNumberField,
  postcode: postcodeField,
  email: optionalEmailField,
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
