import "server-only";
import writeXlsxFile from "write-excel-file/node";
import { neutralise } from "../applications/export-applications";
import type { ReportDocument, ReportTable } from "./report-tables";
import { figureText, type Figure } from "./small-counts";
import type { AppLocale } from "../i18n/locales";

/**
 * The report as an .xlsx workbook: a sheet explaining it (period, moment, the "< 5" rule), then
 * one sheet per table of the PDF with the same figures. An exact count is a number cell; a
 * hidden count ("< 5") or a lower bound ("minstens 7") is text, so the hidden value is not in
 * the file at all. Street and subarea names are text, formula-like ones neutralised.
 */
export async function reportXlsx(doc: ReportDocument, locale: AppLocale): Promise<Buffer> {
  const bold = (value: string) => ({ value, type: String, fontWeight: "bold" }) as const;
  const text = (value: string) => ({ value: neutralise(value), type: String }) as const;
  const cell = (f: Figure) => (f.kind === "exact" ? ({ value: f.value, type: Number } as const) : ({ value: figureText(f, locale), type: String, align: "right" } as const));
  const sheetOf = (table: ReportTable) => [
    table.headers.map(bold),
    ...table.rows.map((r) => [text(r.label), ...r.cells.map(cell)]),
    ...(table.total ? [[bold(table.total.label), ...table.total.cells.map(cell)]] : []),
    ...(table.rows.length === 0 ? [[text(table.empty)]] : []),
  ];
  const about = [[bold(doc.heading)], [text(doc.title)], [text(doc.asOf)], [text(doc.intro)], [text(doc.rule)]];
  return writeXlsxFile([
    { data: about, sheet: doc.labels.sheets.about, columns: [{ width: 120 }] },
    ...doc.sections.map((s) => ({
      data: sheetOf(s.table),
      sheet: doc.labels.sheets[s.id],
      columns: s.table.headers.map((_, i) => ({ width: i === 0 ? 32 : 14 })),
      stickyRowsCount: 1,
    })),
  ]).toBuffer();
}
