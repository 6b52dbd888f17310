import { z } from "zod";
import { cleanString } from "../http/search-text.schema";
import { residentFields, withHouseNumberParts } from "../public-forms/fields.schema";

/**
 * The coordinator's edit of an application's details (the detail page form): the same field
 * rules as the web form, the resident's correction, mail intake and import (`residentFields`),
 * so its output is what is stored: mobile as E.164, postcode as "6951AB", the house number
 * ("12A" with "2" as addition, or "12A-2" in one field) split as BAG models it, no e-mail as
 * null. Empty notes mean "none".
 */
export const applicationEditSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    ...residentFields,
    notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
  })
  .transform(withHouseNumberParts);

export type ApplicationEdit = z.infer<typeof applicationEditSchema>;
