import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { DomainValidationError, NotFoundError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import type { InviteStaff } from "./staff.schema";
import { assertCan } from "../auth/can";
import { STAFF_ROLES } from "../auth/capabilities";

/** Everyone who can sign in, with their subareas. Needs `staff.manage`. */
export async function listStaff(viewer: Viewer) {
  assertCan(viewer, "staff.manage");
  return withViewer(viewer, (tx) =>
    tx.user.findMany({
      orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, active: true, subareas: { select: { subarea: { select: { id: true, name: true } } } } },
    }),
  );
}

/**
 * Adds a coordinator or contact person and mails them an invitation to sign in (a link to the
 * sign-in page: the one-time links themselves expire after 15 minutes, too soon for an invite).
 */
export async function inviteStaff(viewer: Viewer, input: InviteStaff): Promise<{ id: string }> {
  assertCan(viewer, "staff.manage");
  if (STAFF_ROLES[input.role].reach === "all" && input.subareaIds.length) throw new DomainValidationError({ subareaIds: "notContact" });
  const { APP_URL, ORGANISATION_NAME } = config();
  const user = await withViewer(viewer, async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DomainValidationError({ email: "taken" });
    if ((await tx.subarea.count({ where: { id: { in: input.subareaIds } } })) !== input.subareaIds.length) throw new DomainValidationError({ subareaIds: "unknown" });
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, subareas: { create: input.subareaIds.map((subareaId) => ({ subareaId })) } },
      select: { id: true, locale: true },
    });
    const signInUrl = `${APP_URL.replace(/\/$/, "")}/sign-in`;
    await enqueueMail(tx, { to: input.email, ...renderMail("staffInvite", created.locale, { url: signInUrl, role: input.role, organisation: ORGANISATION_NAME }) });
    await recordAudit(tx, viewer, { action: "staff.invited", targetType: "User", targetId: created.id, meta: { role: input.role, subareas: input.subareaIds.length } });
    return created;
  });
  kickMailWorker();
  return { id: user.id };
}

export async function reactivateStaff(viewer: Viewer, userId: string): Promise<void> {
  assertCan(viewer, "staff.manage");
  await withViewer(viewer, async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, active: false }, data: { active: true } });
    if (updated.count === 0) throw new NotFoundError();
    await recordAudit(tx, viewer, { action: "staff.reactivated", targetType: "User", targetId: userId });
  });
}
