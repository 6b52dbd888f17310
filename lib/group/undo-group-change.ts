import "server-only";
import { assertCan, type ViewerWith } from "../auth/can";
import { recordChange } from "../applications/record-change";
import { mayUndo } from "../applications/status-machine";
import { recordAudit } from "../audit/record-audit";
import { withScope } from "../db";
import type { ApplicationStatus } from "../db/generated/enums";
import type { Tx } from "../db/scope";
import { ConflictError, NotFoundError } from "../errors";

/** How long a contact person can take a change back. */
export const UNDO_WINDOW_MS = 15 * 60_000;

/** A change the viewer just made on their workspace, as the confirmation after it shows it. */
export interface GroupChange {
  id: number;
  /** The person's name, to say whom the change was about ("Anna de Vries staat nu op …"). */
  name: string;
  subareaId: number;
  /** The application's version after the change: the undo is refused once anything changed since. */
  version: number;
  /**
   * `status`: moved from → to. `removed`: out of the WhatsApp group, status unchanged.
   * `undone`: the viewer took their change back; the person is in `status` again.
   */
  change:
    | { kind: "status"; from: ApplicationStatus; to: ApplicationStatus }
    | { kind: "removed"; status: ApplicationStatus }
    | { kind: "undone"; status: ApplicationStatus };
  /** Whether it can still be taken back (same person, nothing changed since, within the window). */
  undoable: boolean;
}

/**
 * The change the viewer made last on application `id`, if it is the application's latest change:
 * for the confirmation ("Anna de Vries staat nu op toegevoegd") and its undo button. Null when
 * the application is not in the viewer's subareas, someone else (or something else) changed it
 * since, or the change is not one of the workspace's own.
 *
 * Runs in the service scope, because after a removal or "left" the person is out of the contact
 * role's sight (docs/decisions/005); the viewer's subareas and the history's actor are checked
 * here instead, so this reveals only what the viewer saw a moment ago. An erased name (the
 * removal completed an erasure) is never shown and never restored.
 */
export async function findGroupChange(viewer: ViewerWith<"group.work">, id: number, now = new Date()): Promise<GroupChange | null> {
  assertCan(viewer, "group.work");
  return withScope({ role: "service" }, (tx) => lastChangeBy(tx, viewer, id, now));
}

async function lastChangeBy(tx: Tx, viewer: ViewerWith<"group.work">, id: number, now: Date): Promise<GroupChange | null> {
  const app = await tx.application.findFirst({
    where: { id, subareaId: { in: [...viewer.subareaIds] } },
    select: { id: true, name: true, subareaId: true, status: true, version: true, inGroup: true },
  });
  if (!app || app.subareaId === null || app.name === "") return null;
  const last = await tx.applicationEvent.findFirst({
    where: { applicationId: id },
    orderBy: { id: "desc" },
    select: { at: true, actorKind: true, actorId: true, type: true, fromStatus: true, toStatus: true, detail: true },
  });
  if (!last || last.actorKind !== "STAFF" || last.actorId !== viewer.userId) return null;
  if ((last.detail as { version?: number } | null)?.version !== app.version) return null;
  const recent = now.getTime() - last.at.getTime() <= UNDO_WINDOW_MS;
  const base = { id: app.id, name: app.name, subareaId: app.subareaId, version: app.version };
  if (last.type === "STATUS_CHANGED" && last.fromStatus && last.toStatus === app.status) {
    return { ...base, change: { kind: "status", from: last.fromStatus, to: last.toStatus }, undoable: recent && mayUndo(last.fromStatus, last.toStatus, viewer) };
  }
  if (last.type === "REMOVED_FROM_GROUP" && !app.inGroup) {
    return { ...base, change: { kind: "removed", status: app.status }, undoable: recent };
  }
  if (last.type === "CHANGE_UNDONE") return { ...base, change: { kind: "undone", status: app.status }, undoable: false };
  return null;
}

/**
 * Takes back the viewer's last change on application `id` (`version` = the version that change
 * produced): the status goes back through the status machine (`mayUndo`), with the time the
 * person entered it (so they are back in their place in the list), or a confirmed removal
 * becomes a removal task again. Only the contact person who made the change, within their
 * subareas, within UNDO_WINDOW_MS, and only while nothing changed since. Recorded in the history
 * and the audit trail (ids and statuses, no names).
 * Errors: NotFoundError (not theirs, or nothing to undo), ConflictError (changed since, or too late).
 */
export async function undoGroupChange(viewer: ViewerWith<"group.work">, input: { id: number; version: number }, now = new Date()): Promise<GroupChange> {
  assertCan(viewer, "group.work");
  return withScope({ role: "service" }, async (tx) => {
    const found = await lastChangeBy(tx, viewer, input.id, now);
    if (!found) {
      const visible = await tx.application.findFirst({ where: { id: input.id, subareaId: { in: [...viewer.subareaIds] } }, select: { id: true } });
      if (!visible) throw new NotFoundError();
      throw new ConflictError(["status"]);
    }
    if (found.version !== input.version || !found.undoable || found.change.kind === "undone") throw new ConflictError(["status"]);
    const version = found.version + 1;
    const back = found.change.kind === "status" ? found.change.from : found.change.status;
    // Added → back: out of the group again; left → added: still in it. A removal: in it again.
    const inGroup = found.change.kind === "removed" ? true : back === "ADDED";
    // The person goes back to their place in the list (the oldest wait first): since when they had
    // that status, as the undone change recorded it.
    const since = found.change.kind === "status" ? await statusSinceBefore(tx, input.id) : null;
    const updated = await tx.application.updateMany({
      where: { id: input.id, version: found.version },
      data: { status: back, inGroup, version, ...(found.change.kind === "status" ? { statusChangedAt: since ?? now } : {}) },
    });
    if (updated.count !== 1) throw new ConflictError(["status"]);
    const undone = found.change.kind === "status" ? found.change.to : found.change.status;
    await recordChange(tx, viewer, {
      applicationId: input.id,
      type: "CHANGE_UNDONE",
      fields: found.change.kind === "status" ? ["status", "inGroup"] : ["inGroup"],
      version,
      fromStatus: undone,
      toStatus: back,
      subareaId: found.subareaId,
    });
    await recordAudit(tx, viewer, {
      action: "application.change_undone",
      targetType: "Application",
      targetId: input.id,
      subjectIds: [input.id],
      meta: found.change.kind === "status" ? { from: undone, to: back } : { status: back, inGroup: true },
    });
    return found;
  });
}

/**
 * Since when application `id` had the status its latest change left (`statusSince` in that
 * change's history line, lib/applications/change-status.ts); null for a line written before it
 * was recorded, in which case the undo counts as the new start.
 */
async function statusSinceBefore(tx: Tx, id: number): Promise<Date | null> {
  const last = await tx.applicationEvent.findFirst({ where: { applicationId: id }, orderBy: { id: "desc" }, select: { detail: true } });
  const since = (last?.detail as { statusSince?: unknown } | null)?.statusSince;
  const date = typeof since === "string" ? new Date(since) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
