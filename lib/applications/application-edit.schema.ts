import { z } from "zod";
import { cleanString } from "../http/search-text.schema";

/**
 * The coordinator's edit of an application's details (the detail page form). Empty optional
 * fields mean "none". The mobile number and postcode are normalised by the server.
 */
export const applicationEditSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  name: cleanString().trim().min(1, "required").max(120, "tooLong"),
  mobile: cleanString().trim().min(6, "invalidMobile").max(40, "invalidMobile"),
  street: cleanString().trim().min(1, "required").max(120, "tooLong"),
  houseNumber: z.coerce.number("invalidHouseNumber").int("invalidHouseNumber").min(1, "invalidHouseNumber").max(99_999, "invalidHouseNumber"),
  houseNumberSuffix: cleanString().trim().max(10, "tooLong").transform((v) => v || null),
  postcode: cleanString().trim().max(10, "invalidPostcode"),
  email: z.union([z.literal(""), z.email("invalidEmail").max(254, "tooLong")]).transform((v) => v || null),
  notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
});

export type ApplicationEdit = z.infer<typeof applicationEditSchema>;
