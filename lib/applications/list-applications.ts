import "server-only";
import { assertCan, can, type ViewerWith } from "../auth/can";
import type { Viewer } from "../auth/viewer-types";
import { applicationScope } from "../access/application-scope";
import {
  contactApplicationSelect,
  coordinatorApplicationRowSelect,
  type ContactApplicationDto,
  type CoordinatorApplicationRowDto,
} from "../access/application-dto";
import { withViewer } from "../access/with-viewer";
import type { Tx } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { ApplicationQuery } from "./application-query.schema";
import { contactFilterWhere, contactOrderBy, disjointFilterWheres, filterWhere, orderBy } from "./search-where";

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  size: number;
}

/**
 * The applications matching the query that the viewer may see, one page of them: full rows for
 * a viewer who may read every application (`applications.read`), else a contact person's DTO,
 * where every returned person counts as a disclosure of their name and number.
 */
export async function listApplications(viewer: ViewerWith<"applications.read">, query: ApplicationQuery): Promise<Page<CoordinatorApplicationRowDto>>;
export async function listApplications(viewer: Exclude<Viewer, ViewerWith<"applications.read">>, query: ApplicationQuery): Promise<Page<ContactApplicationDto>>;
export async function listApplications(viewer: Viewer, query: ApplicationQuery): Promise<Page<CoordinatorApplicationRowDto> | Page<ContactApplicationDto>>;
export async function listApplications(viewer: Viewer, query: ApplicationQuery): Promise<Page<CoordinatorApplicationRowDto> | Page<ContactApplicationDto>> {
  const skip = (query.page - 1) * query.size;
  return withViewer(viewer, async (tx) => {
    if (can(viewer, "applications.read")) return (await inboxIn(tx, viewer, query)).page;
    const where = { AND: [applicationScope(viewer), contactFilterWhere(query)] };
    const rows = await tx.application.findMany({ where, select: contactApplicationSelect, orderBy: contactOrderBy(query), skip, take: query.size });
    const total = await totalOf(rows.length, skip, query.size, () => tx.application.count({ where }));
    if (rows.length > 0) {
      await recordAudit(tx, viewer, {
        action: "application.disclosed",
        subjectIds: rows.map((r) => r.id),
        meta: { channel: "list", count: rows.length },
      });
    }
    return { rows, total, page: query.page, size: query.size };
  });
}

export interface Inbox {
  page: Page<CoordinatorApplicationRowDto>;
  /** The subareas applications can be assigned to, by name (for the filter and the bulk actions). */
  subareas: { id: number; name: string }[];
}

/**
 * The coordinator's inbox in one transaction: a page of applications matching the query, with
 * their subareas' names, and the active subareas to filter on and assign to. NotFoundError without
 * `applications.read`.
 */
export async function getInbox(viewer: Viewer, query: ApplicationQuery): Promise<Inbox> {
  assertCan(viewer, "applications.read");
  return withViewer(viewer, (tx) => inboxIn(tx, viewer, query));
}

async function inboxIn(tx: Tx, viewer: ViewerWith<"applications.read">, query: ApplicationQuery): Promise<Inbox> {
  const skip = (query.page - 1) * query.size;
  const now = new Date();
  const scope = applicationScope(viewer);
  const where = { AND: [scope, filterWhere(query, now)] };
  const found = await tx.application.findMany({ where, select: coordinatorApplicationRowSelect, orderBy: orderBy(query), skip, take: query.size });
  const total = await totalOf(found.length, skip, query.size, async () => {
    let sum = 0;
    for (const part of disjointFilterWheres(query, now)) sum += await tx.application.count({ where: { AND: [scope, part] } });
    return sum;
  });
  // Every subarea (a neighbourhood has tens): the rows' names and the active options in one read.
  const subareas = await tx.subarea.findMany({ select: { id: true, name: true, status: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const byId = new Map(subareas.map((s) => [s.id, s]));
  const rows = found.map(({ subareaId, suggestedSubareaId, ...row }) => {
    const subarea = subareaId === null ? undefined : byId.get(subareaId);
    const suggested = suggestedSubareaId === null ? undefined : byId.get(suggestedSubareaId);
    return { ...row, subarea: subarea ? { id: subarea.id, name: subarea.name } : null, suggestedSubarea: suggested ?? null };
  });
  return {
    page: { rows, total, page: query.page, size: query.size },
    subareas: subareas.filter((s) => s.status === "ACTIVE").map(({ id, name }) => ({ id, name })),
  };
}

/**
 * A page with fewer rows than it holds is the last one, so its rows give the exact total (a
 * search for one resident then costs one query, not two); a full or empty later page needs the
 * count.
 */
async function totalOf(rowCount: number, skip: number, size: number, count: () => Promise<number>): Promise<number> {
  return rowCount < size && (rowCount > 0 || skip === 0) ? skip + rowCount : count();
}
