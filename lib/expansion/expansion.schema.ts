import { z } from "zod";
import { cleanString } from "../http/search-text.schema";

export const expansionUpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  status: z.enum(["NEW", "IN_CONTACT", "DECLINED"], "required"),
  notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
});

/**
 * Approval: activate an existing subarea (one without a group yet) or create a new one, with
 * optional street rules to add (one street per line).
 */
export const expansionApprovalSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    subareaId: z.union([z.literal(""), z.coerce.number().int().positive()]).transform((v) => (v === "" ? null : v)),
    newSubareaName: cleanString().trim().max(80, "tooLong").transform((v) => v || null),
    streets: z
      .string()
      .max(4000, "tooLong")
      .transform((v) => [...new Set(v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))]),
  })
  .refine((v) => (v.subareaId === null) !== (v.newSubareaName === null), { message: "subareaOrName", path: ["subareaId"] });

export type ExpansionUpdate = z.infer<typeof expansionUpdateSchema>;
export type ExpansionApproval = z.infer<typeof expansionApprovalSchema>;
