import type { Prisma } from "../db/generated/client";
import { reachesAll, type Viewer } from "../auth/viewer-types";
import { CONTACT_STATUSES, REMOVAL_STATUSES } from "../applications/status-machine";

/**
 * The applications a viewer may see, as a Prisma `where`, ANDed into every query: all of them
 * for a role that reaches the whole neighbourhood (STAFF_ROLES), else their own subareas' people
 * in the statuses a contact may see. The same rule is enforced again by PostgreSQL
 * (application_contact policy): this is the first wall.
 */
export function applicationScope(viewer: Viewer): Prisma.ApplicationWhereInput {
  if (reachesAll(viewer)) return {};
  return {
    subareaId: { in: [...viewer.subareaIds] },
    OR: [{ status: { in: [...CONTACT_STATUSES] } }, { inGroup: true, status: { in: [...REMOVAL_STATUSES] } }],
  };
}
