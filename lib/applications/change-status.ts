import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { applicationScope } from "../access/application-scope";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { ApplicationStatus, RejectionReason } from "../db/generated/enums";
import type { Tx } from "../db/scope";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";
import { blockNumber } from "../privacy/blocked-numbers";
import type { HistoryField, HistoryReason } from "./history-vocabulary";
import { recordChange } from "./record-change";
import { mayTransition } from "./status-machine";
import { can } from "../auth/can";

export interface StatusChange {
  id: number;
  to: ApplicationStatus;
  reason?: RejectionReason;
  /** A reason code for the history line only, such as why someone is unreachable; never free text. */
  code?: HistoryReason;
  /** The contact person took the person out of the WhatsApp group with this change. */
  leaveGroup?: boolean;
  /**
   * What the viewer saw, so a change made meanwhile by someone else is not overwritten: the
   * record's version (coordinators), or its status (contact persons, whose view has no version).
   */
  seen: { version: number } | { status: ApplicationStatus };
}

/**
 * Moves one application to another status, if the status machine allows it for the viewer's
 * role. Adding someone puts them in the group; a coordinator's rejection of someone already in
 * the group leaves a removal task for the contact person, while a contact person who marks
 * someone as left has removed them already (`leaveGroup`).
 */
export async function changeStatus(viewer: Viewer, change: StatusChange): Promise<{ version: number }> {
  return withViewer(viewer, (tx) => changeStatusIn(tx, viewer, change));
}

/**
 * The same change inside the caller's transaction. The viewer's scope is applied to the query
 * here as well, so a caller in a wider database scope (the service scope, for a write the
 * viewer's own role may not make) still touches only what the viewer may see.
 */
export async function changeStatusIn(tx: Tx, viewer: Viewer, change: StatusChange): Promise<{ version: number }> {
  const current = await tx.application.findFirst({
    where: { AND: [{ id: change.id }, applicationScope(viewer)] },
    select: { id: true, status: true, version: true, subareaId: true, inGroup: true, mobile: true, statusChangedAt: true },
  });
  if (!current) throw new NotFoundError();
  if ("version" in change.seen ? current.version !== change.seen.version : current.status !== change.seen.status) {
    throw new ConflictError("version" in change.seen ? await changedSince(tx, viewer, change.id, change.seen.version) : ["status"]);
  }
  if (!mayTransition(current.status, change.to, viewer)) throw new TransitionError(current.status, change.to);
  if (change.to === "REJECTED" && !change.reason) throw new DomainValidationError({ reason: "required" });
  if (change.to === "ASSIGNED" && current.subareaId === null) throw new DomainValidationError({ subareaId: "required" });

  const version = current.version + 1;
  const inGroup = change.to === "ADDED" ? true : change.leaveGroup ? false : current.inGroup;
  const fields: HistoryField[] = ["status", ...(inGroup !== current.inGroup ? ["inGroup" as const] : []), ...(change.reason ? ["rejectionReason" as const] : [])];
  const updated = await tx.application.updateMany({
    where: { id: change.id, version: current.version },
    data: {
      status: change.to,
      inGroup,
      statusChangedAt: new Date(),
      version,
      ...(change.reason ? { rejectionReason: change.reason } : {}),
    },
  });
  if (updated.count !== 1) throw new ConflictError(["status"]);
  // Removed for breaking the rules: only a keyed hash of the number is kept, to flag a repeat
  // application; the person stays a removal task while in the group, and is erased on schedule.
  const blocked = change.to === "REJECTED" && change.reason === "RULE_VIOLATION" && current.mobile !== "";
  if (blocked) await blockNumber(tx, current.mobile);
  await recordChange(tx, viewer, {
    applicationId: change.id,
    type: "STATUS_CHANGED",
    fields,
    version,
    fromStatus: current.status,
    toStatus: change.to,
    subareaId: current.subareaId,
    reason: change.reason ?? change.code,
    statusSince: current.statusChangedAt,
  });
  await recordAudit(tx, viewer, {
    action: "application.status_changed",
    targetType: "Application",
    targetId: change.id,
    subjectIds: [change.id],
    meta: {
      from: current.status,
      to: change.to,
      ...(change.reason || change.code ? { reason: (change.reason ?? change.code)! } : {}),
      ...(blocked ? { numberBlocked: true } : {}),
    },
  });
  return { version };
}

/** The fields changed by others since `version`, from the history (only a viewer with `applications.read` reads it). */
export async function changedSince(tx: Tx, viewer: Viewer, id: number, version: number): Promise<string[]> {
  if (!can(viewer, "applications.read")) return [];
  const events = await tx.applicationEvent.findMany({ where: { applicationId: id }, select: { detail: true } });
  const fields = new Set<string>();
  for (const { detail } of events) {
    const d = detail as { version?: number; fields?: string[] } | null;
    if (d?.version && d.version > version) d.fields?.forEach((f) => fields.add(f));
  }
  return [...fields];
}
