import "server-only";
import { assertCan, type ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
import type { ApplicationStatus, RejectionReason } from "../db/generated/enums";
import type { Tx } from "../db/scope";
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

type Row = { id: number; status: ApplicationStatus; version: number; subareaId: number | null; suggestedSubareaId: number | null; mobile: string };

/**
 * Moves each row that may go to `to` (by the coordinator's transitions), with its history line;
 * the others are left alone and reported as skipped.
 */
async function transitionEach(
  tx: Tx,
  viewer: ViewerWith<"applications.triage">,
  rows: readonly Row[],
  to: ApplicationStatus,
  change: (row: Row) => { data: Prisma.ApplicationUncheckedUpdateInput; event: Pick<Parameters<typeof recordChange>[2], "type" | "fields" | "subareaId" | "reason"> },
): Promise<BulkResult> {
  const result: BulkResult = { changed: [], skipped: [] };
  for (const row of rows) {
    if (!mayTransition(row.status, to, viewer)) {
      result.skipped.push(row.id);
      continue;
    }
    const { data, event } = change(row);
    const version = row.version + 1;
    await tx.application.update({ where: { id: row.id }, data: { ...data, status: to, statusChangedAt: new Date(), version }, select: { id: true } });
    await recordChange(tx, viewer, { ...event, applicationId: row.id, version, fromStatus: row.status, toStatus: to });
    result.changed.push(row.id);
  }
  return result;
}

async function loadRows(tx: Tx, ids: readonly number[]): Promise<Row[]> {
  const rows = await tx.application.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true, version: true, subareaId: true, suggestedSubareaId: true, mobile: true } });
  if (rows.length !== ids.length) throw new NotFoundError();
  return rows;
}

/** Assigns applications to an active subarea in one transaction (`applications.triage`). */
export async function assignApplications(
  viewer: ViewerWith<"applications.triage">,
  input: { ids: readonly number[]; subareaId: number },
): Promise<BulkResult> {
  assertCan(viewer, "applications.triage");
  const ids = checkIds(input.ids);
  return withViewer(viewer, async (tx) => {
    const subarea = await tx.subarea.findFirst({ where: { id: input.subareaId, status: "ACTIVE" }, select: { id: true } });
    if (!subarea) throw new DomainValidationError({ subareaId: "inactive" });
    return assignRows(tx, viewer, await loadRows(tx, ids), subarea.id);
  });
}

/** Moves the rows to ASSIGNED in one subarea, with their history lines and one audit event. */
async function assignRows(tx: Tx, viewer: ViewerWith<"applications.triage">, rows: readonly Row[], subareaId: number): Promise<BulkResult> {
  const result = await transitionEach(tx, viewer, rows, "ASSIGNED", () => ({
    data: { subareaId },
    event: { type: "ASSIGNED", fields: ["status", "subareaId"], subareaId },
  }));
  if (result.changed.length) {
    await recordAudit(tx, viewer, {
      action: "application.assigned",
      targetType: "Subarea",
      targetId: subareaId,
      subjectIds: result.changed,
      meta: { count: result.changed.length },
    });
  }
  return result;
}

/** Statuses whose suggestion a coordinator takes over in triage: not yet in any subarea's hands. */
const TRIAGE_STATUSES: readonly ApplicationStatus[] = ["NEW", "WAITING"];

/**
 * Takes over the address rules' suggestion ("voorstel overnemen") for the selected applications
 * in one transaction (`applications.triage`): each goes to its suggested subarea exactly as a bulk
 * assignment would — same status rule (NEW/WAITING → ASSIGNED), history line and audit event, one
 * audit event per subarea. Skipped: rows without a suggestion, with a subarea already, not in
 * triage (NEW or WAITING), or whose suggested subarea is not active (no group yet).
 */
export async function acceptSuggestions(viewer: ViewerWith<"applications.triage">, input: { ids: readonly number[] }): Promise<BulkResult> {
  assertCan(viewer, "applications.triage");
  const ids = checkIds(input.ids);
  return withViewer(viewer, async (tx) => {
    const rows = await loadRows(tx, ids);
    const suggested = [...new Set(rows.flatMap((r) => (r.suggestedSubareaId === null ? [] : [r.suggestedSubareaId])))];
    const active = new Set((await tx.subarea.findMany({ where: { id: { in: suggested }, status: "ACTIVE" }, select: { id: true } })).map((s) => s.id));
    const result: BulkResult = { changed: [], skipped: [] };
    const bySubarea = new Map<number, Row[]>();
    for (const row of rows) {
      const target = row.suggestedSubareaId;
      if (target === null || !active.has(target) || row.subareaId !== null || !TRIAGE_STATUSES.includes(row.status)) result.skipped.push(row.id);
      else bySubarea.set(target, [...(bySubarea.get(target) ?? []), row]);
    }
    for (const [subareaId, group] of [...bySubarea].sort(([a], [b]) => a - b)) {
      const done = await assignRows(tx, viewer, group, subareaId);
      result.changed.push(...done.changed);
      result.skipped.push(...done.skipped);
    }
    return result;
  });
}

/** Rejects applications with a reason in one transaction (`applications.triage`). */
export async function rejectApplications(
  viewer: ViewerWith<"applications.triage">,
  input: { ids: readonly number[]; reason: RejectionReason },
): Promise<BulkResult> {
  assertCan(viewer, "applications.triage");
  const ids = checkIds(input.ids);
  return withViewer(viewer, async (tx) => {
    const rows = await loadRows(tx, ids);
    const result = await transitionEach(tx, viewer, rows, "REJECTED", (row) => ({
      data: { rejectionReason: input.reason },
      event: { type: "STATUS_CHANGED", fields: ["status", "rejectionReason"], subareaId: row.subareaId, reason: input.reason },
    }));
    // As in changeStatus: a rule violation leaves only a keyed hash of the number.
    if (input.reason === "RULE_VIOLATION") {
      for (const row of rows) if (result.changed.includes(row.id) && row.mobile !== "") await blockNumber(tx, row.mobile);
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
