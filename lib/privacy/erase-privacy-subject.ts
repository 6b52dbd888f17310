import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { recordChange } from "../applications/record-change";
import { mayTransition } from "../applications/status-machine";
import { eraseApplication } from "./erase-application";
import { eraseSubjectEverywhere } from "./erase-subject-tables";
import { withServiceRights } from "../db/scope";

/**
 * Carries out an open erasure request: the application is withdrawn if still active and erased (eraseApplication: name and
 * number stay only while the person is still in a group, until the contact person removed
 * them), and so is everything else held under the person's e-mail address or number, in every
 * table the processing register lists (ERASURE_BY_TABLE: mail in the outbox, questions sent with
 * that reply address, offers to start a group, mails and spreadsheet rows waiting in intake,
 * sign-in links and counters, the notes on their privacy requests). Only anonymous rows, ids and
 * counts remain. The request is closed. Coordinators only (NotFoundError otherwise);
 * ConflictError when the request is not open, DomainValidationError when it is no erasure.
 */
export async function erasePrivacySubject(viewer: Viewer, requestId: number, now = new Date()): Promise<{ keptForRemoval: boolean }> {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const request = await tx.privacyRequest.findFirst({ where: { id: requestId }, select: { status: true, type: true, applicationId: true } });
    if (!request) throw new NotFoundError();
    if (request.status !== "OPEN") throw new ConflictError(["status"]);
    const applicationId = request.applicationId;
    if (request.type !== "ERASURE" || applicationId === null) throw new DomainValidationError({ request: "notErasure" });
    const person = await tx.application.findFirst({ where: { id: applicationId }, select: { email: true, mobile: true, status: true, version: true, subareaId: true } });
    if (!person) throw new NotFoundError();

    // Asking to be erased is leaving: an active application is withdrawn first, so that someone
    // in a group becomes a removal task for their contact person rather than a member.
    if (mayTransition(person.status, "WITHDRAWN", viewer)) {
      const version = person.version + 1;
      await tx.application.updateMany({ where: { id: applicationId }, data: { status: "WITHDRAWN", statusChangedAt: now, version } });
      await recordChange(tx, viewer, {
        applicationId,
        type: "STATUS_CHANGED",
        fields: ["status"],
        version,
        fromStatus: person.status,
        toStatus: "WITHDRAWN",
        subareaId: person.subareaId,
        reason: "ERASURE_REQUEST",
      });
    }
    const { keptForRemoval } = await eraseApplication(tx, applicationId, now);
    // Sign-in links and counters are service-only tables of the database wall.
    const erased = await withServiceRights(tx, () => eraseSubjectEverywhere(tx, { applicationId, email: person.email?.trim() || null, mobile: person.mobile || null }));
    await tx.privacyRequest.updateMany({ where: { id: requestId }, data: { status: "DONE", closedAt: now, handledById: viewer.userId } });
    await recordAudit(tx, viewer, {
      action: "privacy.erased",
      targetType: "PrivacyRequest",
      targetId: requestId,
      subjectIds: [applicationId],
      meta: {
        keptForRemoval,
        mail: erased.OutboxMail ?? 0,
        messages: erased.Message ?? 0,
        expansionRequests: erased.ExpansionRequest ?? 0,
        mailDrafts: erased.MailDraft ?? 0,
        importRows: erased.ImportBatch ?? 0,
      },
    });
    return { keptForRemoval };
  });
}
