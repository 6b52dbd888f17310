import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { StaffRole } from "../db/generated/enums";
import { DomainValidationError, NotFoundError } from "../errors";
import { assertCan } from "../auth/can";
import { STAFF_ROLES } from "../auth/capabilities";

/** Deactivates a staff member and ends every session of theirs at once. */
export async function deactivateStaff(viewer: Viewer, userId: string): Promise<void> {
  assertCan(viewer, "staff.manage");
  if (userId === viewer.userId) throw new DomainValidationError({ userId: "self" });
  await withViewer(viewer, async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, active: true }, data: { active: false } });
    if (updated.count === 0) throw new NotFoundError();
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, viewer, { action: "staff.deactivated", targetType: "User", targetId: userId });
  });
}

/** Changes a staff member's role; their sessions end, so they sign in again under the new role. */
export async function changeStaffRole(viewer: Viewer, userId: string, role: StaffRole): Promise<void> {
  assertCan(viewer, "staff.manage");
  if (userId === viewer.userId) throw new DomainValidationError({ userId: "self" });
  await withViewer(viewer, async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, role: { not: role } }, data: { role } });
    if (updated.count === 0) throw new NotFoundError();
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, viewer, { action: "staff.role_changed", targetType: "User", targetId: userId, meta: { role } });
  });
}

/** Sets the subareas a contact person looks after; effective on their next request. */
export async function setStaffSubareas(viewer: Viewer, userId: string, subareaIds: readonly number[]): Promise<void> {
  assertCan(viewer, "staff.manage");
  const ids = [...new Set(subareaIds)];
  await withViewer(viewer, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new NotFoundError();
    if (STAFF_ROLES[user.role].reach !== "subareas" && ids.length) throw new DomainValidationError({ subareaIds: "notContact" });
    if ((await tx.subarea.count({ where: { id: { in: ids } } })) !== ids.length) throw new DomainValidationError({ subareaIds: "unknown" });
    await tx.subareaContact.deleteMany({ where: { userId, subareaId: { notIn: ids } } });
    await tx.subareaContact.createMany({ data: ids.map((subareaId) => ({ userId, subareaId })), skipDuplicates: true });
    await recordAudit(tx, viewer, { action: "staff.subareas_changed", targetType: "User", targetId: userId, meta: { count: ids.length } });
  });
}
