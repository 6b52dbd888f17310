import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { NEAR_DEADLINE_DAYS } from "./privacy-deadline";
import type { PrivacyRequestQuery } from "./privacy-request.schema";
import { assertCan } from "../auth/can";

export const PRIVACY_PAGE_SIZE = 50;

const rowSelect = {
  id: true,
  type: true,
  status: true,
  origin: true,
  applicationId: true,
  receivedAt: true,
  dueAt: true,
  closedAt: true,
} as const;

/** The register of data-subject requests: open ones by deadline, closed ones newest first. Needs `privacy.handle`. */
export async function listPrivacyRequests(viewer: Viewer, query: PrivacyRequestQuery) {
  assertCan(viewer, "privacy.handle");
  const open = query.view === "open";
  const where = open ? { status: "OPEN" as const } : { status: { not: "OPEN" as const } };
  return withViewer(viewer, async (tx) => {
    const [rows, total] = await Promise.all([
      tx.privacyRequest.findMany({
        where,
        select: rowSelect,
        orderBy: open ? [{ dueAt: "asc" }, { id: "asc" }] : [{ closedAt: "desc" }, { id: "desc" }],
        skip: (query.page - 1) * PRIVACY_PAGE_SIZE,
        take: PRIVACY_PAGE_SIZE,
      }),
      tx.privacyRequest.count({ where }),
    ]);
    return { rows, total, page: query.page, size: PRIVACY_PAGE_SIZE };
  });
}

export type PrivacyRequestRow = Awaited<ReturnType<typeof listPrivacyRequests>>["rows"][number];

/** Open requests due within NEAR_DEADLINE_DAYS (or overdue), for the staff dashboard; `open` counts all open ones. */
export async function listPrivacyDeadlines(viewer: Viewer, now = new Date(), limit = 5) {
  assertCan(viewer, "privacy.handle");
  const where = { status: "OPEN" as const, dueAt: { lt: new Date(now.getTime() + NEAR_DEADLINE_DAYS * 86_400_000) } };
  return withViewer(viewer, async (tx) => {
    const [rows, total, open] = await Promise.all([
      tx.privacyRequest.findMany({ where, select: rowSelect, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: limit }),
      tx.privacyRequest.count({ where }),
      tx.privacyRequest.count({ where: { status: "OPEN" } }),
    ]);
    return { rows, total, open };
  });
}
