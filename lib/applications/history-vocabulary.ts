import { RejectionReason } from "../db/generated/enums";
import { UNREACHABLE_REASONS, VIOLATION_REASONS } from "../group/group.schema";
import { EDITED_COLUMNS } from "./application-edit.schema";

/**
 * The words of an application's history, in one place: every event type, every field a history
 * line may name and every reason code it may carry. `recordChange` accepts only these, and the
 * history's labels are typed from them (staff.events, vocabulary.reasons, and for a field its
 * register label or its own word: column-labels.ts), so a new type, field or reason
 * without a Dutch and English label fails the type check (and tests/unit/history-labels.test.ts).
 * No server imports: pages read it too.
 */
export const APPLICATION_EVENT_TYPES = [
  "CREATED", "SUBMITTED", "REPEAT_ATTEMPT", "CORRECTED", "EMAIL_CONFIRMED", "BLOCKED_NUMBER", "DUPLICATE_NUMBER",
  "STATUS_CHANGED", "ASSIGNED", "REASSIGNED", "EDITED", "MERGED_IN", "MERGED_INTO", "RECONFIRMED", "RECONFIRM_ASKED",
  "REMOVED_FROM_GROUP", "CHANGE_UNDONE",
  "MEMBER_CHECK_ASKED", "MEMBER_CHECK_REMINDED", "MEMBER_CHECK_LISTED", "MEMBER_CONFIRMED", "MEMBER_KEPT", "MEMBER_CHECK_ENDED",
] as const;

export type ApplicationEventType = (typeof APPLICATION_EVENT_TYPES)[number];

/**
 * Fields of an application a history line may name (never their values): every column the
 * coordinator's edit writes (derived from its schema), and the columns other steps change.
 */
export const HISTORY_FIELDS = [
  ...EDITED_COLUMNS,
  "status", "subareaId", "inGroup", "rejectionReason", "duplicateOfId", "emailConfirmedAt", "repeatAttempts",
  "reconfirmAskedAt", "reconfirmedAt", "manageTokenHash",
  "memberCheckAskedAt", "memberCheckRemindedAt", "memberConfirmedAt", "memberCheckOpen",
] as const;

export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Reason codes a history line (or an audit event) may carry. */
export const HISTORY_REASONS = [...Object.values(RejectionReason), ...VIOLATION_REASONS, ...UNREACHABLE_REASONS, "ERASURE_REQUEST"] as const;

export type HistoryReason = (typeof HISTORY_REASONS)[number];

/** Type guards for stored values (a row may predate a rename): true when a label exists. */
export function isEventType(value: string): value is ApplicationEventType {
  return (APPLICATION_EVENT_TYPES as readonly string[]).includes(value);
}

export function isHistoryField(value: string): value is HistoryField {
  return (HISTORY_FIELDS as readonly string[]).includes(value);
}

export function isHistoryReason(value: string): value is HistoryReason {
  return (HISTORY_REASONS as readonly string[]).includes(value);
}
