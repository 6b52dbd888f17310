import "server-only";
import { can, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { NotFoundError } from "../errors";
import { TASK_LIST_LIMIT } from "./get-group-workspace";
import { toVCards } from "./vcard";

/**
 * The "to add" list of one of the viewer's subareas as a vCard file (the same people the
 * workspace shows, oldest first), so the contact person can add them as contacts in one go.
 * The download is a disclosure, recorded with exactly who was in it.
 */
export async function exportGroupVCard(
  viewer: ViewerWith<"group.work">,
  subareaId: number,
): Promise<{ vcf: string; count: number; subareaName: string }> {
  if (!can(viewer, "group.work") || !viewer.subareaIds.includes(subareaId)) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const subarea = await tx.subarea.findFirst({ where: { id: subareaId }, select: { name: true } });
    if (!subarea) throw new NotFoundError();
    const people = await tx.application.findMany({
      where: { AND: [applicationScope(viewer), { subareaId, status: "ASSIGNED" }] },
      select: { id: true, name: true, mobile: true },
      orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
      take: TASK_LIST_LIMIT,
    });
    if (people.length > 0) {
      await recordAudit(tx, viewer, {
        action: "application.disclosed",
        targetType: "Subarea",
        targetId: subareaId,
        subjectIds: people.map((p) => p.id),
        meta: { channel: "vcard", count: people.length },
      });
    }
    const vcf = toVCards(people, { organisation: config().ORGANISATION_NAME, note: subarea.name });
    return { vcf, count: people.length, subareaName: subarea.name };
  });
}
