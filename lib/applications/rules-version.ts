/**
 * The version of the group rules a resident accepts when applying. Change it whenever the
 * rules text changes materially; each application records the version its resident accepted.
 */
export const RULES_VERSION = "2026-11";
