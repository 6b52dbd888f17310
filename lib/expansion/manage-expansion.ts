import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import { recordChange } from "../applications/record-change";
import { matchAddress } from "../subareas/address";
import type { ExpansionApproval, ExpansionUpdate } from "./expansion.schema";
import { assertCan } from "../auth/can";
import { STAFF_ROLES, type StaffRole } from "../auth/capabilities";

/** The role an approved volunteer gets: the contact person of the new subarea. */
const VOLUNTEER_ROLE = "CONTACT_PERSON" satisfies StaffRole;

export async function listExpansionRequests(viewer: Viewer) {
  assertCan(viewer, "expansion.manage");
  return withViewer(viewer, (tx) =>
    tx.expansionRequest.findMany({
      orderBy: [{ createdAt: "desc" }],
      select: { id: true, name: true, mobile: true, email: true, streets: true, remark: true, status: true, notes: true, version: true, createdAt: true, subarea: { select: { id: true, name: true } } },
    }),
  );
}

export async function getExpansionRequest(viewer: Viewer, id: number) {
  assertCan(viewer, "expansion.manage");
  const found = await withViewer(viewer, (tx) =>
    tx.expansionRequest.findUnique({
      where: { id },
      select: { id: true, name: true, mobile: true, email: true, streets: true, remark: true, status: true, notes: true, version: true, createdAt: true, locale: true, subarea: { select: { id: true, name: true } } },
    }),
  );
  if (!found) throw new NotFoundError();
  return found;
}

/** The pipeline before approval: NEW → IN_CONTACT → DECLINED (or back), with notes. */
export async function updateExpansionRequest(viewer: Viewer, input: ExpansionUpdate): Promise<void> {
  assertCan(viewer, "expansion.manage");
  await withViewer(viewer, async (tx) => {
    const current = await tx.expansionRequest.findUnique({ where: { id: input.id }, select: { status: true, version: true } });
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) throw new ConflictError(["status", "notes"]);
    if (current.status === "APPROVED" || current.status === "WITHDRAWN") throw new DomainValidationError({ status: "closed" });
    await tx.expansionRequest.update({ where: { id: input.id }, data: { status: input.status, notes: input.notes, version: input.version + 1 }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "expansion.updated", targetType: "ExpansionRequest", targetId: input.id, meta: { status: input.status } });
  });
}

/**
 * Approves a volunteer's offer in ONE transaction: the subarea is activated (or created, with
 * the given streets as rules), the volunteer gets a contact-person account for it (and an
 * invitation mail), the group's invite link is stored, and every WAITING application whose
 * address now falls in that subarea moves to ASSIGNED there — ready for the new contact person —
 * and each of those residents with an e-mail address gets a mail ("groupStarted") in their own
 * language. The audit event holds ids and counts only, no names or addresses.
 * Errors: NotFoundError, ConflictError (stale version), DomainValidationError (closed request,
 * unknown or already active subarea, taken name, the volunteer is a coordinator).
 */
export async function approveExpansionRequest(viewer: Viewer, input: ExpansionApproval): Promise<{ subareaId: number; moved: number; mailed: number }> {
  assertCan(viewer, "expansion.manage");
  const { APP_URL, ORGANISATION_NAME } = config();
  const result = await withViewer(
    viewer,
    async (tx) => {
      const request = await tx.expansionRequest.findUnique({ where: { id: input.id }, select: { status: true, version: true, name: true, email: true, locale: true } });
      if (!request) throw new NotFoundError();
      if (request.version !== input.version) throw new ConflictError(["status"]);
      if (request.status !== "NEW" && request.status !== "IN_CONTACT") throw new DomainValidationError({ status: "closed" });

      let subareaId: number;
      let subareaName: string;
      if (input.subareaId !== null) {
        const subarea = await tx.subarea.findUnique({ where: { id: input.subareaId }, select: { id: true, version: true, name: true, status: true } });
        if (!subarea || subarea.status === "ACTIVE") throw new DomainValidationError({ target: "unknown" });
        subareaName = subarea.name;
        await tx.subarea.update({ where: { id: subarea.id }, data: { status: "ACTIVE", inviteLink: input.inviteLink, version: subarea.version + 1 }, select: { id: true } });
        subareaId = subarea.id;
      } else {
        if (await tx.subarea.findUnique({ where: { name: input.newSubareaName! }, select: { id: true } })) throw new DomainValidationError({ newSubareaName: "taken" });
        subareaName = input.newSubareaName!;
        subareaId = (await tx.subarea.create({ data: { name: input.newSubareaName!, status: "ACTIVE", inviteLink: input.inviteLink }, select: { id: true } })).id;
      }
      if (input.streets.length) await tx.addressRule.createMany({ data: input.streets.map((street) => ({ subareaId, street })) });

      const email = request.email.toLowerCase();
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
      // An account that reaches everything cannot become one subarea's contact person.
      if (existing && STAFF_ROLES[existing.role].reach !== "subareas") throw new DomainValidationError({ email: "isCoordinator" });
      const user = existing ?? (await tx.user.create({ data: { email, name: request.name, role: VOLUNTEER_ROLE, locale: request.locale }, select: { id: true, role: true } }));
      await tx.user.update({ where: { id: user.id }, data: { active: true }, select: { id: true } });
      await tx.subareaContact.createMany({ data: [{ userId: user.id, subareaId }], skipDuplicates: true });

      const rules = await tx.addressRule.findMany({ where: { subarea: { status: { in: ["ACTIVE", "PROPOSED"] } } } });
      const waiting = await tx.application.findMany({ where: { status: "WAITING", anonymisedAt: null }, select: { id: true, street: true, houseNumber: true, postcode: true, version: true, name: true, email: true, locale: true } });
      const moving = waiting.filter((a) => matchAddress(rules, a)?.subareaId === subareaId);
      const now = new Date();
      for (const a of moving) {
        await tx.application.update({
          where: { id: a.id },
          data: { status: "ASSIGNED", subareaId, suggestedSubareaId: subareaId, statusChangedAt: now, version: a.version + 1 },
          select: { id: true },
        });
        await recordChange(tx, viewer, { applicationId: a.id, type: "ASSIGNED", fields: ["status", "subareaId"], version: a.version + 1, fromStatus: "WAITING", toStatus: "ASSIGNED", subareaId });
        // Their group now exists; the contact person adds them. In the resident's language,
        // tied to the application so erasing them erases the mail.
        if (a.email) {
          await enqueueMail(tx, { to: a.email, applicationId: a.id, ...renderMail("groupStarted", a.locale, { name: a.name, subarea: subareaName }) });
        }
      }

      await tx.expansionRequest.update({ where: { id: input.id }, data: { status: "APPROVED", subareaId, userId: user.id, version: request.version + 1 }, select: { id: true } });
      if (!existing) {
        await enqueueMail(tx, { to: email, ...renderMail("staffInvite", request.locale, { url: `${APP_URL.replace(/\/$/, "")}/sign-in`, role: VOLUNTEER_ROLE, organisation: ORGANISATION_NAME }) });
      }
      await recordAudit(tx, viewer, {
        action: "expansion.approved",
        targetType: "ExpansionRequest",
        targetId: input.id,
        subjectIds: moving.map((a) => a.id),
        meta: { subareaId, moved: moving.length, mailed: moving.filter((a) => a.email).length, newAccount: !existing },
      });
      return { subareaId, moved: moving.length, mailed: moving.filter((a) => a.email).length };
    },
    { timeout: 60_000 },
  );
  kickMailWorker();
  return result;
}
