import { z } from "zod";
import { cleanString } from "../http/search-text.schema";
import { text } from "../public-forms/fields.schema";
import { parseHouseNumber } from "./parse-house-number";

/**
 * The coordinator's edit of an application's details (the detail page form). Empty optional
 * fields mean "none". The mobile number and postcode are normalised by the server; the house
 * number ("12A", with "2" as addition, or "12A-2" in one field) is split as BAG models it.
 */
export const applicationEditSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    // The same name and street fields as the web form and the resident's correction (length, NFC, no control or bidi characters).
    name: text(100),
    mobile: cleanString().trim().min(6, "invalidMobile").max(40, "invalidMobile"),
    street: text(100),
    houseNumber: cleanString().trim().min(1, "required").max(24, "invalidHouseNumber"),
    houseNumberSuffix: cleanString().trim().max(24, "invalidHouseNumber").default(""),
    postcode: cleanString().trim().max(10, "invalidPostcode"),
    email: z.union([z.literal(""), z.email("invalidEmail").max(254, "tooLong")]).transform((v) => v || null),
    notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
  })
  .transform((edit, ctx) => {
    const parsed = parseHouseNumber(edit.houseNumber, edit.houseNumberSuffix);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["houseNumber"], message: "invalidHouseNumber" });
      return z.NEVER;
    }
    return { ...edit, houseNumber: parsed.houseNumber, houseLetter: parsed.houseLetter, houseNumberSuffix: parsed.houseNumberSuffix };
  });

export type ApplicationEdit = z.infer<typeof applicationEditSchema>;
