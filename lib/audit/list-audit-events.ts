import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import type { Prisma } from "../db/generated/client";
import type { AuditQuery } from "./audit-query.schema";
import { assertCan } from "../auth/can";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit trail, newest first, filtered; needs `audit.read`. With it, the names the log shows
 * instead of ids: the staff who acted or were acted on, and the subareas named by an event
 * (deleted ones are simply missing), and every staff member for the "who" filter.
 */
export async function listAuditEvents(viewer: Viewer, query: AuditQuery) {
  assertCan(viewer, "audit.read");
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.action) and.push({ action: query.action });
  if (query.actor) and.push({ actorId: query.actor });
  if (query.record) and.push({ OR: [{ subjectIds: { has: query.record } }, { targetType: "Application", targetId: String(query.record) }] });
  if (query.from) and.push({ at: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) and.push({ at: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } });
  const where = { AND: and };
  return withViewer(viewer, async (tx) => {
    const [rows, total] = await Promise.all([
      tx.auditEvent.findMany({
        where,
        orderBy: { id: "desc" },
        skip: (query.page - 1) * AUDIT_PAGE_SIZE,
        take: AUDIT_PAGE_SIZE,
        select: { id: true, at: true, actorKind: true, actorId: true, actorRole: true, action: true, targetType: true, targetId: true, subjectIds: true, meta: true },
      }),
      tx.auditEvent.count({ where }),
    ]);
    const subareaIds = new Set<number>();
    for (const r of rows) {
      if (r.targetType === "Subarea" && r.targetId && /^\d+$/.test(r.targetId)) subareaIds.add(Number(r.targetId));
      const subareaId = (r.meta as { subareaId?: unknown } | null)?.subareaId;
      if (typeof subareaId === "number" && Number.isSafeInteger(subareaId)) subareaIds.add(subareaId);
    }
    const [staff, subareas] = await Promise.all([
      tx.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, role: true } }),
      subareaIds.size ? tx.subarea.findMany({ where: { id: { in: [...subareaIds] } }, select: { id: true, name: true } }) : [],
    ]);
    return {
      rows: rows.map((r) => ({ ...r, id: String(r.id) })),
      total,
      page: query.page,
      size: AUDIT_PAGE_SIZE,
      /** Every staff member (the filter's choices), by id; a name or else the e-mail address. */
      staff: staff.map((u) => ({ id: u.id, name: u.name?.trim() || u.email, role: u.role })),
      subareaNames: Object.fromEntries(subareas.map((s) => [s.id, s.name])) as Record<number, string>,
    };
  });
}
