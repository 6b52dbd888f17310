import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { DomainValidationError } from "../errors";
import { localDay, privacyDueAt } from "./privacy-deadline";
import type { RecordPrivacyRequestInput } from "./privacy-request.schema";
import { assertCan } from "../auth/can";

/**
 * A coordinator registers a data-subject request that came in by mail, phone or letter. The
 * one-month deadline runs from the day it was received; the application it concerns is
 * optional (someone may ask whether we hold anything at all).
 */
export async function recordPrivacyRequest(viewer: Viewer, input: RecordPrivacyRequestInput, now = new Date()): Promise<{ id: number }> {
  assertCan(viewer, "privacy.handle");
  const today = localDay(now);
  if (input.receivedOn > today) throw new DomainValidationError({ receivedOn: "future" });
  // Received today: now; earlier: the start of that day, so the deadline is never too late.
  const receivedAt = input.receivedOn === today ? now : new Date(`${input.receivedOn}T00:00:00Z`);
  return withViewer(viewer, async (tx) => {
    if (input.applicationId !== undefined) {
      const exists = await tx.application.count({ where: { id: input.applicationId } });
      if (!exists) throw new DomainValidationError({ applicationId: "unknown" });
    }
    const created = await tx.privacyRequest.create({
      data: {
        type: input.type,
        applicationId: input.applicationId ?? null,
        origin: "STAFF",
        receivedAt,
        dueAt: privacyDueAt(receivedAt),
        note: input.note ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "privacy.request_recorded",
      targetType: "PrivacyRequest",
      targetId: created.id,
      subjectIds: input.applicationId !== undefined ? [input.applicationId] : [],
      meta: { type: input.type, origin: "STAFF" },
    });
    return created;
  });
}
