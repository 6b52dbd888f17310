import type { Tx } from "../db/scope";
import type { Prisma } from "../db/generated/client";
import type { ApplicationStatus } from "../db/generated/enums";
import type { AuditActor } from "../audit/record-audit";
import type { ApplicationEventType, HistoryField, HistoryReason } from "./history-vocabulary";

/**
 * One line of an application's history: which fields changed (never their values) and the
 * version the change produced, so a conflicting save can be told what changed since.
 */
export async function recordChange(
  tx: Tx,
  actor: AuditActor,
  change: {
    applicationId: number;
    type: ApplicationEventType;
    fields: readonly HistoryField[];
    version: number;
    fromStatus?: ApplicationStatus;
    toStatus?: ApplicationStatus;
    subareaId?: number | null;
    reason?: HistoryReason;
    /** A status change: since when the application had its previous status (so an undo can put it back in its place). */
    statusSince?: Date;
  },
): Promise<void> {
  // A staff member is a viewer (they have a user id); the system and a resident are not.
  const who = "userId" in actor ? { actorKind: "STAFF" as const, actorId: actor.userId } : { actorKind: actor.role, actorId: null };
  const detail: Prisma.InputJsonObject = {
    fields: [...change.fields],
    version: change.version,
    ...(change.reason ? { reason: change.reason } : {}),
    ...(change.statusSince ? { statusSince: change.statusSince.toISOString() } : {}),
  };
  await tx.applicationEvent.createMany({
    data: {
      applicationId: change.applicationId,
      actorKind: who.actorKind,
      actorId: who.actorId,
      type: change.type,
      fromStatus: change.fromStatus ?? null,
      toStatus: change.toStatus ?? null,
      subareaId: change.subareaId ?? null,
      detail,
    },
  });
}
