import "server-only";
import { can, type ViewerWith } from "../auth/can";
import type { Viewer } from "../auth/viewer-types";
import { applicationScope } from "../access/application-scope";
import {
  contactApplicationSelect,
  coordinatorApplicationDetailSelect,
  type ContactApplicationDto,
  type CoordinatorApplicationDetailDto,
} from "../access/application-dto";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../errors";

/**
 * One application as the viewer may see it: the full record for a viewer who may read every
 * application (`applications.read`), else a contact person's DTO (a disclosure, recorded).
 * Missing and forbidden both throw NotFoundError.
 */
export async function getApplication(viewer: ViewerWith<"applications.read">, id: number): Promise<CoordinatorApplicationDetailDto>;
export async function getApplication(viewer: Exclude<Viewer, ViewerWith<"applications.read">>, id: number): Promise<ContactApplicationDto>;
export async function getApplication(viewer: Viewer, id: number): Promise<CoordinatorApplicationDetailDto | ContactApplicationDto>;
export async function getApplication(viewer: Viewer, id: number) {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const where = { AND: [{ id }, applicationScope(viewer)] };
    if (can(viewer, "applications.read")) {
      const found = await tx.application.findFirst({ where, select: coordinatorApplicationDetailSelect });
      if (!found) throw new NotFoundError();
      return found;
    }
    const found = await tx.application.findFirst({ where, select: contactApplicationSelect });
    if (!found) throw new NotFoundError();
    await recordAudit(tx, viewer, { action: "application.disclosed", targetType: "Application", targetId: id, subjectIds: [id], meta: { channel: "detail" } });
    return found;
  });
}
