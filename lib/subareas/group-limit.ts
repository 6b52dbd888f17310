/** WhatsApp's limit on the members of one group. */
export const WHATSAPP_GROUP_LIMIT = 1024;

/** From this share of the limit on, the group should be split (warning). */
export const GROUP_NEARLY_FULL = 0.9;
