import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, NotFoundError } from "../errors";
import { assertCan } from "../auth/can";

/** Marks an open request as answered (DONE) or refused, by this coordinator. A closed one stays closed. */
export async function closePrivacyRequest(viewer: Viewer, input: { id: number; outcome: "DONE" | "REFUSED" }, now = new Date()): Promise<void> {
  assertCan(viewer, "privacy.handle");
  await withViewer(viewer, async (tx) => {
    const request = await tx.privacyRequest.findFirst({ where: { id: input.id }, select: { status: true, type: true, applicationId: true } });
    if (!request) throw new NotFoundError();
    const closed = await tx.privacyRequest.updateMany({
      where: { id: input.id, status: "OPEN" },
      data: { status: input.outcome, closedAt: now, handledById: viewer.userId },
    });
    if (closed.count !== 1) throw new ConflictError(["status"]);
    await recordAudit(tx, viewer, {
      action: "privacy.request_closed",
      targetType: "PrivacyRequest",
      targetId: input.id,
      subjectIds: request.applicationId ? [request.applicationId] : [],
      meta: { type: request.type, outcome: input.outcome },
    });
  });
}
