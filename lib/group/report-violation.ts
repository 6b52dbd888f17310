import "server-only";
import type { ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import { NotFoundError } from "../errors";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import type { ViolationReasonCode } from "./group.schema";

/**
 * A contact person reports that a member of their group broke the rules. The coordinator
 * decides on removal: the report waits for them (ViolationReport) and the central mailbox gets
 * a notice with the subarea, the reason code and the application number — no name, no number,
 * and not the note, which the contact person typed.
 */
export async function reportViolation(
  viewer: ViewerWith<"group.work">,
  input: { id: number; reason: ViolationReasonCode; note?: string },
): Promise<void> {
  await withViewer(viewer, async (tx) => {
    const person = await tx.application.findFirst({
      where: { AND: [{ id: input.id, status: "ADDED", inGroup: true }, applicationScope(viewer)] },
      select: { id: true, subareaId: true, subarea: { select: { name: true } } },
    });
    if (!person?.subareaId || !person.subarea) throw new NotFoundError();
    // createMany: the contact role may file a report but not read it back.
    await tx.violationReport.createMany({
      data: { applicationId: person.id, subareaId: person.subareaId, reportedById: viewer.userId, reason: input.reason, note: input.note ?? null },
    });
    await recordAudit(tx, viewer, {
      action: "application.violation_reported",
      targetType: "Application",
      targetId: person.id,
      subjectIds: [person.id],
      meta: { reason: input.reason, subareaId: person.subareaId },
    });
    const { APP_URL, MAILBOX_ADDRESS } = config();
    await enqueueMail(tx, {
      to: MAILBOX_ADDRESS,
      ...renderMail("violationReported", DEFAULT_LOCALE, {
        subarea: person.subarea.name,
        reason: input.reason,
        id: String(person.id),
        url: new URL("/staff/violations", APP_URL).toString(),
      }),
    });
  });
  kickMailWorker();
}
