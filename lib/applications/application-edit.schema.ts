import { z } from "zod";

/**
 * The coordinator's edit of an application's details (the detail page form). Empty optional
 * fields mean "none". The mobile number and postcode are normalised by the server.
 */
export const applicationEditSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  mobile: z.string().trim().min(6, "invalidMobile").max(40, "invalidMobile"),
  street: z.string().trim().min(1, "required").max(120, "tooLong"),
  houseNumber: z.coerce.number("invalidHouseNumber").int("invalidHouseNumber").min(1, "invalidHouseNumber").max(99_999, "invalidHouseNumber"),
  houseNumberSuffix: z.string().trim().max(10, "tooLong").transform((v) => v || null),
  postcode: z.string().trim().max(10, "invalidPostcode"),
  email: z.union([z.literal(""), z.email("invalidEmail").max(254, "tooLong")]).transform((v) => v || null),
  notes: z.string().trim().max(4000, "tooLong").transform((v) => v || null),
});

export type ApplicationEdit = z.infer<typeof applicationEditSchema>;
