import { z } from "zod";
import { searchTextSchema } from "../http/search-text.schema";
import { WHATSAPP_GROUP_LIMIT } from "./group-limits";

/**
 * The contact person's forms, shared by the page (input limits) and the Server Actions (the
 * check that counts). Reasons are codes: nothing typed here may hold personal data, except the
 * short note of a violation report, which the form asks to keep free of names.
 */
export const UNREACHABLE_REASONS = ["NOT_ON_WHATSAPP", "NO_ANSWER", "WRONG_NUMBER", "OTHER"] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];

export const VIOLATION_REASONS = ["SOCIAL_MESSAGES", "NO_112_FIRST", "OFFENSIVE", "SHARES_PERSONAL_DATA", "OTHER"] as const;
export type ViolationReasonCode = (typeof VIOLATION_REASONS)[number];

export const VIOLATION_NOTE_MAX = 200;

/** Statuses from which a contact person confirms that someone is out of the group. */
export const REMOVABLE_FROM = ["ADDED", "LEFT", "WITHDRAWN", "REJECTED"] as const;

export const DIGEST_CHOICES = ["OFF", "DAILY"] as const;

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const unreachableSchema = z.object({
  id,
  from: z.literal("ASSIGNED"),
  reason: z.enum(UNREACHABLE_REASONS),
});

export const removalSchema = z.object({ id, from: z.enum(REMOVABLE_FROM) });

/** "Houden" on the yearly member check's list: the application, and the version the card showed. */
export const keepMemberSchema = z.object({ id, version: id });

/** Taking back one's own last change: the application and the version that change produced. */
export const undoSchema = z.object({ id, version: id });

export const violationSchema = z.object({
  id,
  reason: z.enum(VIOLATION_REASONS),
  note: z
    .string()
    .trim()
    .max(VIOLATION_NOTE_MAX)
    .optional()
    .transform((note) => note || undefined),
});

export const memberCountSchema = z.object({
  subareaId: id,
  version: id,
  memberCount: z.coerce.number("invalidNumber").int("invalidNumber").min(0, "invalidNumber").max(WHATSAPP_GROUP_LIMIT, "invalidNumber"),
});

export const digestSchema = z.object({ digest: z.enum(DIGEST_CHOICES) });

/** The workspace's state in the URL: which subarea, and the page and search of the "added" list. */
export const workspaceQuerySchema = z.object({
  subarea: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  q: searchTextSchema,
  /** The application just changed (the confirmation and its undo), or just changed back. */
  done: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  undone: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export type WorkspaceQuery = z.infer<typeof workspaceQuerySchema>;

export type RemovableFrom = (typeof REMOVABLE_FROM)[number];
