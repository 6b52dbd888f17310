/** The most members a WhatsApp group can have (WhatsApp's limit in 2026). */
export const WHATSAPP_GROUP_LIMIT = 1024;

/** From this share of the limit on, the contact person is warned that the group is nearly full. */
export const NEAR_LIMIT_SHARE = 0.9;

export type MemberCountLevel = "ok" | "near" | "full";

/** How full a group is: the workspace warns from `near` on. */
export function memberCountLevel(count: number, limit = WHATSAPP_GROUP_LIMIT): MemberCountLevel {
  if (count >= limit) return "full";
  return count >= Math.ceil(limit * NEAR_LIMIT_SHARE) ? "near" : "ok";
}
