import "server-only";
import { assertCan, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { withViewer } from "../access/with-viewer";
import { recordChange } from "../applications/record-change";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, NotFoundError } from "../errors";

/**
 * "Houden": the contact person asked a member on the yearly check's list (lib/members/member-check.ts)
 * and keeps them in the group. The check starts again from now, as if the member had confirmed.
 * Only a member of the viewer's own subarea who is on the list; anyone else is "not found". The
 * card's version guards against a change in between (a conflict, not a silent overwrite).
 * Runs in the contact scope: the grants allow exactly these two columns (prisma/migrations/*_member_check).
 */
export async function keepCheckedMember(viewer: ViewerWith<"group.work">, input: { id: number; version: number }, now = new Date()): Promise<void> {
  assertCan(viewer, "group.work");
  await withViewer(viewer, async (tx) => {
    const current = await tx.application.findFirst({
      where: { AND: [{ id: input.id, status: "ADDED", inGroup: true, memberCheckOpen: { not: null } }, applicationScope(viewer)] },
      select: { version: true, subareaId: true },
    });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError(["memberCheckOpen"]);
    const version = current.version + 1;
    const updated = await tx.application.updateMany({
      where: { id: input.id, version: current.version },
      data: { memberConfirmedAt: now, memberCheckOpen: null, version },
    });
    if (updated.count !== 1) throw new ConflictError(["memberCheckOpen"]);
    await recordChange(tx, viewer, { applicationId: input.id, type: "MEMBER_KEPT", fields: ["memberConfirmedAt", "memberCheckOpen"], version, subareaId: current.subareaId });
    await recordAudit(tx, viewer, { action: "application.member_kept", targetType: "Application", targetId: input.id, subjectIds: [input.id] });
  });
}
