import { z } from "zod";
import { cleanString } from "../http/search-text.schema";

const optionalText = (max: number) => cleanString().trim().max(max, "tooLong").transform((v) => v || null);

/** A WhatsApp group invite link (https://chat.whatsapp.com/…), or "" → null. Shared by every form that takes one. */
export const inviteLinkSchema = z
  .string()
  .trim()
  .max(200, "tooLong")
  .refine((v) => v === "" || /^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9_-]{6,}$/.test(v), "invalidInviteLink")
  .transform((v) => v || null);

/** A subarea as the coordinator edits it. The invite link must be a WhatsApp group link. */
export const subareaSchema = z.object({
  name: cleanString().trim().min(2, "required").max(80, "tooLong"),
  description: optionalText(500),
  status: z.enum(["ACTIVE", "PROPOSED", "RETIRED"], "required"),
  inviteLink: inviteLinkSchema,
  memberCount: z.coerce.number("invalidNumber").int("invalidNumber").min(0, "invalidNumber").max(100_000, "invalidNumber"),
});

export const subareaUpdateSchema = subareaSchema.extend({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

const optionalInt = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 99_999) {
      ctx.addIssue({ code: "custom", message: "invalidHouseNumber" });
      return z.NEVER;
    }
    return n;
  });

/** One address rule; at least a street or a postcode range. */
export const ruleSchema = z
  .object({
    subareaId: z.coerce.number().int().positive(),
    street: optionalText(120),
    postcodeFrom: optionalText(10),
    postcodeTo: optionalText(10),
    houseNumberFrom: optionalInt,
    houseNumberTo: optionalInt,
    parity: z.enum(["ALL", "ODD", "EVEN"]).default("ALL"),
  })
  .refine((r) => r.street || r.postcodeFrom || r.postcodeTo, { message: "streetOrPostcode", path: ["street"] })
  .refine((r) => r.houseNumberFrom === null || r.houseNumberTo === null || r.houseNumberFrom <= r.houseNumberTo, {
    message: "rangeOrder",
    path: ["houseNumberTo"],
  });

export const addressTestSchema = z.object({
  street: cleanString().trim().min(1, "required").max(120, "tooLong"),
  houseNumber: z.coerce.number("invalidHouseNumber").int("invalidHouseNumber").min(1, "invalidHouseNumber").max(99_999, "invalidHouseNumber"),
  postcode: cleanString().trim().max(10, "invalidPostcode"),
});

export type SubareaInput = z.infer<typeof subareaSchema>;
export type RuleInput = z.infer<typeof ruleSchema>;
