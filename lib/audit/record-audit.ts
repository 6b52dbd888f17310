import type { Tx } from "../db/scope";
import type { Viewer } from "../auth/viewer-types";
import type { Prisma } from "../db/generated/client";
import type { AuditAction, AuditMetaKey, AuditTargetType } from "./audit-vocabulary";

// Every action worth answering "who did that?" for lives in audit-vocabulary.ts. Events hold
// ids, actions and counts — never a name, number, address or e-mail address
// (tests/integration/audit.test.ts searches every row for them).
export type { AuditAction } from "./audit-vocabulary";

export type AuditActor = Viewer | { role: "SYSTEM" } | { role: "RESIDENT" };

export interface AuditEventInput {
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string | number;
  /** Applications whose personal data this event disclosed, exported or changed. */
  subjectIds?: readonly number[];
  /** Counts, field names, statuses, reasons: never personal data. */
  meta?: Partial<Record<AuditMetaKey, string | number | boolean | null | readonly string[]>>;
}

export async function recordAudit(tx: Tx, actor: AuditActor, event: AuditEventInput): Promise<void> {
  // A staff member is a viewer (they have a user id); the system and a resident are not.
  const who = "userId" in actor ? { actorKind: "STAFF" as const, actorId: actor.userId, actorRole: actor.role } : { actorKind: actor.role, actorId: null, actorRole: null };
  // createMany: no RETURNING, so roles that may only append (contact, resident) can write.
  await tx.auditEvent.createMany({
    data: {
      actorKind: who.actorKind,
      actorId: who.actorId,
      actorRole: who.actorRole,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined ? null : String(event.targetId),
      subjectIds: event.subjectIds ? [...event.subjectIds] : [],
      meta: (event.meta ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
