import "server-only";
import { can, type ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, NotFoundError } from "../errors";

/** The contact person copies their group's member count from WhatsApp. */
export async function updateMemberCount(
  viewer: ViewerWith<"group.work">,
  input: { subareaId: number; version: number; memberCount: number },
): Promise<void> {
  if (!can(viewer, "group.work") || !viewer.subareaIds.includes(input.subareaId)) throw new NotFoundError();
  await withViewer(viewer, async (tx) => {
    const current = await tx.subarea.findFirst({ where: { id: input.subareaId }, select: { memberCount: true, version: true } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError(["memberCount"]);
    const updated = await tx.subarea.updateMany({
      where: { id: input.subareaId, version: input.version },
      data: { memberCount: input.memberCount, version: input.version + 1 },
    });
    if (updated.count !== 1) throw new ConflictError(["memberCount"]);
    await recordAudit(tx, viewer, {
      action: "subarea.member_count_changed",
      targetType: "Subarea",
      targetId: input.subareaId,
      meta: { from: current.memberCount, to: input.memberCount },
    });
  });
}
