import { z } from "zod";
import { cleanString } from "../http/search-text.schema";
import { residentFields, withHouseNumberParts } from "../public-forms/fields.schema";

// The details a coordinator may edit: the shared field rules, and the internal notes.
const editableFields = {
  ...residentFields,
  notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
};

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
    ...editableFields,
  })
  .transform(withHouseNumberParts);

export type ApplicationEdit = z.infer<typeof applicationEditSchema>;

/** A column of an application the coordinator's edit writes. */
export type EditedColumn = Exclude<keyof ApplicationEdit, "id" | "version">;

/**
 * The columns the coordinator's edit writes, derived from the schema: its fields, with the typed
 * house number stored as BAG's number and letter (`withHouseNumberParts`), in form order. A new
 * field in `residentFields` or above is edited, compared and named in the history without a list
 * to extend.
 */
export const EDITED_COLUMNS: readonly EditedColumn[] = (Object.keys(editableFields) as (keyof typeof editableFields)[]).flatMap((field) =>
  field === "houseNumber" ? (["houseNumber", "houseLetter"] as const) : [field],
);
