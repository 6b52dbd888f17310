import type { Tx } from "../db/scope";
import type { Viewer } from "../auth/viewer-types";
import type { Prisma } from "../db/generated/client";

/**
 * Every action worth answering "who did that?" for. Events hold ids, actions and counts —
 * never a name, number, address or e-mail address (tests/integration/audit.test.ts searches
 * every row for them).
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.link_requested"
  | "application.status_changed"
  | "application.edited"
  | "application.merged"
  | "application.assigned"
  | "application.rejected"
  | "application.disclosed"
  | "application.submitted"
  | "application.repeat_attempt"
  | "application.corrected"
  | "application.withdrawn"
  | "application.erased"
  | "application.email_confirmed"
  | "expansion.requested"
  | "message.received"
  | "applications.exported"
  | "subarea.saved"
  | "subarea.rule_added"
  | "subarea.rule_deleted"
  | "staff.invited"
  | "staff.reactivated"
  | "expansion.updated"
  | "expansion.approved"
  | "message.answered"
  | "application.removed_from_group"
  | "application.change_undone"
  | "application.violation_reported"
  | "violation_report.handled"
  | "subarea.member_count_changed"
  | "staff.digest_changed"
  | "application.created_from_mail"
  | "applications.imported"
  | "staff.deactivated"
  | "staff.role_changed"
  | "staff.subareas_changed"
  | "privacy.request_recorded"
  | "privacy.request_closed"
  | "privacy.access_exported"
  | "privacy.erased";

export type AuditActor = Viewer | { role: "SYSTEM" } | { role: "RESIDENT" };

export interface AuditEventInput {
  action: AuditAction;
  targetType?: "Application" | "User" | "Subarea" | "ExpansionRequest" | "Message" | "PrivacyRequest" | "ViolationReport";
  targetId?: string | number;
  /** Applications whose personal data this event disclosed, exported or changed. */
  subjectIds?: readonly number[];
  /** Counts, field names, statuses, reasons: never personal data. */
  meta?: Record<string, string | number | boolean | null | readonly string[]>;
}

export async function recordAudit(tx: Tx, actor: AuditActor, event: AuditEventInput): Promise<void> {
  const staff = actor.role === "COORDINATOR" || actor.role === "CONTACT_PERSON";
  // createMany: no RETURNING, so roles that may only append (contact, resident) can write.
  await tx.auditEvent.createMany({
    data: {
      actorKind: staff ? "STAFF" : actor.role,
      actorId: staff ? actor.userId : null,
      actorRole: staff ? actor.role : null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined ? null : String(event.targetId),
      subjectIds: event.subjectIds ? [...event.subjectIds] : [],
      meta: (event.meta ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
