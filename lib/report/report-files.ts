import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { config } from "../config/env";
import type { AppLocale } from "../i18n/locales";
import { getReport } from "./get-report";
import { reportPdf } from "./report-pdf";
import type { ReportPeriod } from "./report-period";
import { reportDocument } from "./report-tables";
import { reportXlsx } from "./report-xlsx";

export type ReportFormat = "pdf" | "xlsx";

/**
 * The report as a file for the coordinator (others: NotFoundError from getReport): the figures of
 * getReport, laid out by reportDocument, written as PDF or .xlsx in `locale`. The download is in
 * the audit trail (action, format, months: no personal data, as there is none in the file).
 */
export async function reportFile(viewer: Viewer, period: ReportPeriod, locale: AppLocale, format: ReportFormat, now: Date = new Date()) {
  const report = await getReport(viewer, period, now);
  const doc = reportDocument(report, locale, config().ORGANISATION_NAME);
  const bytes = format === "pdf" ? await reportPdf(doc, locale) : new Uint8Array(await reportXlsx(doc, locale));
  await withViewer(viewer, (tx) => recordAudit(tx, viewer, { action: "report.downloaded", meta: { format, count: period.months.length } }));
  const name = `rapportage-${period.from}-${period.to}.${format}`;
  const type = format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return { bytes, name, type };
}
