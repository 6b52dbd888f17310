import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { NotFoundError } from "../errors";
import { assertCan } from "../auth/can";

/** One request with the application it concerns (`privacy.handle`). */
export async function getPrivacyRequest(viewer: Viewer, id: number) {
  assertCan(viewer, "privacy.handle");
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const request = await tx.privacyRequest.findFirst({
      where: { id },
      select: {
        id: true,
        type: true,
        status: true,
        origin: true,
        receivedAt: true,
        dueAt: true,
        closedAt: true,
        note: true,
        handledById: true,
        application: { select: { id: true, name: true, status: true, inGroup: true, anonymisedAt: true } },
      },
    });
    if (!request) throw new NotFoundError();
    const handledBy = request.handledById
      ? await tx.user.findFirst({ where: { id: request.handledById }, select: { name: true } })
      : null;
    return { ...request, handledByName: handledBy?.name ?? null };
  });
}

export type PrivacyRequestDetail = Awaited<ReturnType<typeof getPrivacyRequest>>;
