/**
 * The audit trail's vocabulary, in one place: every action the code records, and every key an
 * event's `meta` may hold. `recordAudit` only accepts these, and the log's labels are typed
 * from them (staff.audit.actions / staff.audit.meta in the message files), so a new action or
 * key without a Dutch and English label fails the type check (and tests/unit/audit-labels.test.ts).
 * No server imports: the URL schema and the page read it too.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "application.submitted",
  "application.repeat_attempt",
  "application.corrected",
  "application.email_confirmed",
  "application.withdrawn",
  "application.erased",
  "application.created_from_mail",
  "application.status_changed",
  "application.edited",
  "application.merged",
  "application.assigned",
  "application.rejected",
  "application.disclosed",
  "application.removed_from_group",
  "application.member_kept",
  "application.change_undone",
  "application.violation_reported",
  "applications.exported",
  "applications.imported",
  "report.downloaded",
  "violation_report.handled",
  "subarea.saved",
  "subarea.rule_added",
  "subarea.rule_deleted",
  "subarea.member_count_changed",
  "staff.invited",
  "staff.reactivated",
  "staff.deactivated",
  "staff.role_changed",
  "staff.subareas_changed",
  "staff.digest_changed",
  "expansion.requested",
  "expansion.updated",
  "expansion.approved",
  "message.received",
  "message.answered",
  "privacy.request_recorded",
  "privacy.request_closed",
  "privacy.access_exported",
  "privacy.erased",
  "settings.texts_changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** True for an action this code records (a stored row may hold an older one). */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Every key an event's details may hold: counts, codes, field names — never personal data. */
export const AUDIT_META_KEYS = [
  "status", "from", "to", "reason", "channel", "count", "format", "fields", "subareaId", "ruleId", "role", "subareas",
  "digest", "withReplyAddress", "mailed", "type", "origin", "outcome", "skippedInvalid", "skippedDuplicates",
  "blockedNumber", "duplicateNumber", "withEmail", "numberBlocked", "keptForRemoval", "mail", "messages",
  "expansionRequests", "mailDrafts", "importRows", "moved", "newAccount", "keys", "inGroup",
] as const;

export type AuditMetaKey = (typeof AUDIT_META_KEYS)[number];

/** What an event may point at. */
export const AUDIT_TARGET_TYPES = ["Application", "User", "Subarea", "ExpansionRequest", "Message", "PrivacyRequest", "ViolationReport", "NeighbourhoodText"] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
