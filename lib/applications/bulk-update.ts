import "server-only";
import type { ViewerOf } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { RejectionReason } from "../db/generated/enums";
import { DomainValidationError, NotFoundError } from "../errors";
import { blockNumber } from "../privacy/blocked-numbers";
import { recordChange } from "./record-change";
import { mayTransition } from "./status-machine";

export interface BulkResult {
  /** Ids changed. */
  changed: number[];
  /** Ids left alone because their status does not allow the change. */
  skipped: number[];
}

const MAX_BULK = 500;

function checkIds(ids: readonly number[]): number[] {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0 || unique.length > MAX_BULK) throw new DomainValidationError({ ids: "count" });
  return unique;
}

/** Assigns applications to an active subarea in one transaction (coordinator only). */
export async function assignApplications(
  viewer: ViewerOf<"COORDINATOR">,
  input: { ids: readonly number[]; subareaId: number },
): Promise<BulkResult> {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  const ids = checkIds(input.ids);
  return withViewer(viewer, async (tx) => {
    const subarea = await tx.subarea.findFirst({ where: { id: input.subareaId, status: "ACTIVE" }, select: { id: true } });
    if (!subarea) throw new DomainValidationError({ subareaId: "inactive" });
    const rows = await tx.application.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true, subareaId: true } });
    if (rows.length !== ids.length) throw new NotFoundError();
    const result: BulkResult = { changed: [], skipped: [] };
    for (const row of rows) {
      if (!mayTransition(row.status, "ASSIGNED", "COORDINATOR")) {
        result.skipped.push(row.id);
        continue;
      }
      await tx.application.update({
        where: { id: row.id },
        data: { status: "ASSIGNED", subareaId: subarea.id, statusChangedAt: new Date(), version: row.version + 1 },
        select: { id: true },
      });
      await recordChange(tx, viewer, {
        applicationId: row.id,
        type: "ASSIGNED",
        fields: ["status", "subareaId"],
        version: row.version + 1,
        fromStatus: row.status,
        toStatus: "ASSIGNED",
        subareaId: subarea.id,
      });
      result.changed.push(row.id);
    }
    if (result.changed.length) {
      await recordAudit(tx, viewer, {
        action: "application.assigned",
        targetType: "Subarea",
        targetId: subarea.id,
        subjectIds: result.changed,
        meta: { count: result.changed.length },
      });
    }
    return result;
  });
}

/** Rejects applications with a reason in one transaction (coordinator only). */
export async function rejectApplications(
  viewer: ViewerOf<"COORDINATOR">,
  input: { ids: readonly number[]; reason: RejectionReason },
): Promise<BulkResult> {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  const ids = checkIds(input.ids);
  return withViewer(viewer, async (tx) => {
    const rows = await tx.application.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true, subareaId: true, mobile: true } });
    if (rows.length !== ids.length) throw new NotFoundError();
    const result: BulkResult = { changed: [], skipped: [] };
    for (const row of rows) {
      if (!mayTransition(row.status, "REJECTED", "COORDINATOR")) {
        result.skipped.push(row.id);
        continue;
      }
      await tx.application.update({
        where: { id: row.id },
        data: { status: "REJECTED", rejectionReason: input.reason, statusChangedAt: new Date(), version: row.version + 1 },
        select: { id: true },
      });
      await recordChange(tx, viewer, {
        applicationId: row.id,
        type: "STATUS_CHANGED",
        fields: ["status", "rejectionReason"],
        version: row.version + 1,
        fromStatus: row.status,
        toStatus: "REJECTED",
        subareaId: row.subareaId,
        reason: input.reason,
      });
      // As in changeStatus: a rule violation leaves only a keyed hash of the number.
      if (input.reason === "RULE_VIOLATION" && row.mobile !== "") await blockNumber(tx, row.mobile);
      result.changed.push(row.id);
    }
    if (result.changed.length) {
      await recordAudit(tx, viewer, {
        action: "application.rejected",
        subjectIds: result.changed,
        meta: { count: result.changed.length, reason: input.reason },
      });
    }
    return result;
  });
}
