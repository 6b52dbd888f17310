import type { Prisma } from "../db/generated/client";
import type { Viewer } from "../auth/viewer-types";
import { CONTACT_STATUSES, REMOVAL_STATUSES } from "../applications/status-machine";

/**
 * The applications a viewer may see, as a Prisma `where`, ANDed into every query. The same
 * rule is enforced again by PostgreSQL (application_contact policy): this is the first wall.
 */
export function applicationScope(viewer: Viewer): Prisma.ApplicationWhereInput {
  if (viewer.role === "COORDINATOR") return {};
  return {
    subareaId: { in: [...viewer.subareaIds] },
    OR: [{ status: { in: [...CONTACT_STATUSES] } }, { inGroup: true, status: { in: [...REMOVAL_STATUSES] } }],
  };
}
