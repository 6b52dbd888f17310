import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import type { StaffRole } from "../db/generated/enums";
import { can } from "../auth/can";

/**
 * Names and roles of the staff with these ids, for a history or a log that stores ids only.
 * Only for a viewer who may read the history (`applications.read`; anyone else gets an empty
 * map); a name left empty falls back to the e-mail address, which coordinators see on the staff
 * page anyway.
 */
export async function staffNames(viewer: Viewer, ids: Iterable<string | null>): Promise<Map<string, { name: string; role: StaffRole }>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (!can(viewer, "applications.read") || wanted.length === 0) return new Map();
  const users = await withViewer(viewer, (tx) => tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true, role: true } }));
  return new Map(users.map((u) => [u.id, { name: u.name?.trim() || u.email, role: u.role }]));
}
