import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../errors";
import { assertCan } from "../auth/can";

export interface ViolationReportRow {
  id: number;
  createdAt: Date;
  reason: "SOCIAL_MESSAGES" | "NO_112_FIRST" | "OFFENSIVE" | "SHARES_PERSONAL_DATA" | "OTHER";
  note: string | null;
  subarea: { id: number; name: string };
  application: { id: number; name: string; status: string };
}

/** The open rule-violation reports, oldest first, for the coordinator to decide on. */
export async function listOpenViolationReports(viewer: Viewer): Promise<ViolationReportRow[]> {
  assertCan(viewer, "violations.handle");
  return withViewer(viewer, (tx) =>
    tx.violationReport.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true,
        createdAt: true,
        reason: true,
        note: true,
        subarea: { select: { id: true, name: true } },
        application: { select: { id: true, name: true, status: true } },
      },
    }),
  );
}

/** The coordinator has dealt with a report (removed the person, or decided not to). */
export async function handleViolationReport(viewer: Viewer, id: number): Promise<void> {
  assertCan(viewer, "violations.handle");
  await withViewer(viewer, async (tx) => {
    const report = await tx.violationReport.findFirst({ where: { id, status: "OPEN" }, select: { applicationId: true } });
    if (!report) throw new NotFoundError();
    await tx.violationReport.updateMany({ where: { id, status: "OPEN" }, data: { status: "HANDLED", handledAt: new Date(), handledById: viewer.userId } });
    await recordAudit(tx, viewer, { action: "violation_report.handled", targetType: "ViolationReport", targetId: id, subjectIds: [report.applicationId] });
  });
}
