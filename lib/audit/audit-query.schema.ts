import { z } from "zod";

export const AUDIT_ACTIONS = [
  "auth.sign_in", "auth.sign_out", "auth.link_requested", "application.status_changed", "application.edited", "application.merged", "application.assigned",
  "application.rejected", "application.disclosed", "applications.exported", "subarea.saved", "subarea.rule_added", "subarea.rule_deleted", "staff.invited",
  "staff.reactivated", "expansion.updated", "expansion.approved", "message.answered", "staff.deactivated",
  "application.created_from_mail", "applications.imported",
  "application.submitted", "application.repeat_attempt", "application.corrected",
  "application.withdrawn", "application.erased", "application.email_confirmed", "expansion.requested", "message.received",
  "staff.role_changed", "staff.subareas_changed",
  "application.removed_from_group", "application.change_undone", "application.violation_reported",
  "violation_report.handled", "subarea.member_count_changed", "staff.digest_changed",
  "privacy.request_recorded", "privacy.request_closed", "privacy.access_exported", "privacy.erased",
] as const;

// A calendar day that exists ("9999-99-99" and "2026-02-30" do not), so no Invalid Date reaches the database.
const day = z.iso.date().optional().catch(undefined);

/** The audit trail's filters as they live in the URL; bad values are ignored. */
export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().trim().max(64).regex(/^[\w-]*$/).optional().catch(undefined),
  record: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
