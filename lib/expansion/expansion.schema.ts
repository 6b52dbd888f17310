import { z } from "zod";
import { cleanString } from "../http/search-text.schema";
import { inviteLinkSchema } from "../subareas/subarea.schema";

export const expansionUpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  status: z.enum(["NEW", "IN_CONTACT", "DECLINED"], "required"),
  notes: cleanString().trim().max(4000, "tooLong").transform((v) => v || null),
});

/**
 * Approval: one choice — an existing subarea without a group (`target` = its id) or a new one
 * (`target` = "new", with its name) — the group's WhatsApp invite link (the volunteer made the
 * group; validated as on the subarea page), and optional street rules (one street per line).
 * A new name typed while an existing subarea is chosen is refused in words, not ignored.
 */
export const expansionApprovalSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    target: z.union([z.literal("new"), z.coerce.number("required").int("required").positive("required")], "required"),
    newSubareaName: cleanString().trim().max(80, "tooLong").transform((v) => v || null),
    inviteLink: inviteLinkSchema.refine((v) => v !== null, "required"),
    streets: z
      .string()
      .max(4000, "tooLong")
      .transform((v) => [...new Set(v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))]),
  })
  .superRefine((v, ctx) => {
    if (v.target === "new" && (v.newSubareaName === null || v.newSubareaName.length < 2)) {
      ctx.addIssue({ code: "custom", message: "required", path: ["newSubareaName"] });
    }
    if (v.target !== "new" && v.newSubareaName !== null) ctx.addIssue({ code: "custom", message: "nameWithExisting", path: ["newSubareaName"] });
  })
  .transform(({ target, newSubareaName, inviteLink, ...rest }) => ({
    ...rest,
    subareaId: target === "new" ? null : target,
    newSubareaName: target === "new" ? newSubareaName : null,
    inviteLink: inviteLink!,
  }));

export type ExpansionUpdate = z.infer<typeof expansionUpdateSchema>;
export type ExpansionApproval = z.infer<typeof expansionApprovalSchema>;
