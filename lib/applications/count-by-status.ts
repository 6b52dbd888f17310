import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { applicationScope } from "../access/application-scope";
import { withViewer } from "../access/with-viewer";
import type { ApplicationStatus } from "../db/generated/enums";

/** How many applications the viewer may see, per status. */
export async function countByStatus(viewer: Viewer): Promise<Partial<Record<ApplicationStatus, number>>> {
  return withViewer(viewer, async (tx) => {
    const groups = await tx.application.groupBy({ by: ["status"], where: applicationScope(viewer), _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  });
}
