import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";
import { changedSince } from "./change-status";
import { recordChange } from "./record-change";
import { mayTransition } from "./status-machine";
import { assertCan } from "../auth/can";

/** Assigns (or reassigns) one application to an active subarea, from the detail page. */
export async function assignApplication(viewer: Viewer, input: { id: number; version: number; subareaId: number }): Promise<{ version: number }> {
  assertCan(viewer, "applications.triage");
  return withViewer(viewer, async (tx) => {
    const current = await tx.application.findFirst({ where: { id: input.id }, select: { status: true, version: true, subareaId: true } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError(await changedSince(tx, viewer, input.id, input.version));
    if (!mayTransition(current.status, "ASSIGNED", viewer)) throw new TransitionError(current.status, "ASSIGNED");
    const subarea = await tx.subarea.findFirst({ where: { id: input.subareaId, status: "ACTIVE" }, select: { id: true } });
    if (!subarea) throw new DomainValidationError({ subareaId: "inactive" });
    const version = current.version + 1;
    const updated = await tx.application.updateMany({
      where: { id: input.id, version: input.version },
      data: { status: "ASSIGNED", subareaId: subarea.id, statusChangedAt: new Date(), version },
    });
    if (updated.count !== 1) throw new ConflictError(["status"]);
    await recordChange(tx, viewer, {
      applicationId: input.id,
      type: current.status === "ASSIGNED" ? "REASSIGNED" : "ASSIGNED",
      fields: ["status", "subareaId"],
      version,
      fromStatus: current.status,
      toStatus: "ASSIGNED",
      subareaId: subarea.id,
    });
    await recordAudit(tx, viewer, { action: "application.assigned", targetType: "Application", targetId: input.id, subjectIds: [input.id], meta: { subareaId: subarea.id } });
    return { version };
  });
}
