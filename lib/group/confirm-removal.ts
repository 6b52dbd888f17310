import "server-only";
import { assertCan, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { changeStatusIn } from "../applications/change-status";
import { recordChange } from "../applications/record-change";
import { REMOVAL_STATUSES } from "../applications/status-machine";
import { recordAudit } from "../audit/record-audit";
import { withScope } from "../db";
import { ConflictError, NotFoundError, TransitionError } from "../errors";
import { completeErasure } from "../privacy/erase-application";
import type { RemovableFrom } from "./group.schema";

/**
 * The contact person confirms that someone is out of the WhatsApp group: a removal task (left,
 * withdrawn, rejected) is done, or a member who left by themselves becomes LEFT. If the person
 * had asked for erasure, their name and number — kept only for this removal — go at once.
 *
 * This runs in the service scope (docs/decisions/005-group-removal-scope.md): afterwards the
 * person is out of the contact person's sight, and PostgreSQL refuses an UPDATE whose new row
 * the updating role may not see; the contact role also may not erase names. The viewer's scope
 * is applied in every query instead, so only their own subareas' people can be touched.
 */
export async function confirmRemoval(viewer: ViewerWith<"group.work">, input: { id: number; from: RemovableFrom }): Promise<void> {
  assertCan(viewer, "group.work");
  await withScope({ role: "service" }, async (tx) => {
    if (input.from === "ADDED") {
      await changeStatusIn(tx, viewer, { id: input.id, to: "LEFT", seen: { status: "ADDED" }, leaveGroup: true });
    } else {
      const current = await tx.application.findFirst({
        where: { AND: [{ id: input.id }, applicationScope(viewer)] },
        select: { status: true, version: true, inGroup: true, subareaId: true },
      });
      if (!current) throw new NotFoundError();
      if (current.status !== input.from) throw new ConflictError(["status"]);
      if (!current.inGroup || !(REMOVAL_STATUSES as readonly string[]).includes(current.status)) {
        throw new TransitionError(current.status, current.status);
      }
      const version = current.version + 1;
      const updated = await tx.application.updateMany({
        where: { id: input.id, version: current.version, inGroup: true },
        data: { inGroup: false, version },
      });
      if (updated.count !== 1) throw new ConflictError(["inGroup"]);
      await recordChange(tx, viewer, { applicationId: input.id, type: "REMOVED_FROM_GROUP", fields: ["inGroup"], version, subareaId: current.subareaId });
      await recordAudit(tx, viewer, {
        action: "application.removed_from_group",
        targetType: "Application",
        targetId: input.id,
        subjectIds: [input.id],
        meta: { status: current.status },
      });
    }
    await completeErasure(tx, input.id);
  });
}
