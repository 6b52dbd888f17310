import { INTL_LOCALE, type AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import type { Report } from "./get-report";
import type { Figure } from "./small-counts";

export interface ReportTable {
  caption: string;
  /** Column headers; the first names the row labels. */
  headers: string[];
  rows: { label: string; cells: Figure[] }[];
  total?: { label: string; cells: Figure[] };
  empty: string;
}

export interface ReportChart {
  title: string;
  /** "columns": one bar per month; "pairs": two bars per month; "rows": horizontal bars per label. */
  kind: "columns" | "pairs" | "rows";
  series: string[];
  bars: { label: string; values: Figure[] }[];
}

export interface ReportSection {
  id: "members" | "flow" | "streets" | "waiting" | "expansion";
  title: string;
  intro: string;
  chart?: ReportChart;
  table: ReportTable;
}

export interface ReportDocument {
  title: string;
  heading: string;
  asOf: string;
  rule: string;
  intro: string;
  sections: ReportSection[];
  labels: { page: (page: number, pages: number) => string; sheets: Record<ReportSection["id"] | "about", string> };
}

/** "jan 2026" / "Jan 2026" for "2026-01". */
export function monthLabel(month: string, locale: AppLocale): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/**
 * The report as titled tables and charts in one language: what the page, the PDF
 * (report-pdf.ts) and the spreadsheet (report-xlsx.ts) all print, so the three cannot differ.
 * `organisation` names the initiative in the heading.
 */
export function reportDocument(report: Report, locale: AppLocale, organisation: string): ReportDocument {
  const t = translatorFor(locale);
  const months = report.period.months.map((m) => monthLabel(m, locale));
  const date = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(report.asOf);
  const none = t("report.none");
  return {
    title: t("report.title"),
    heading: t("report.heading", { organisation, from: months[0] ?? "", to: months[months.length - 1] ?? "" }),
    asOf: t("report.asOf", { date }),
    rule: t("report.rule"),
    intro: t("report.intro"),
    labels: {
      page: (page, pages) => t("report.page", { page, pages }),
      sheets: {
        about: t("report.sheets.about"),
        members: t("report.sheets.members"),
        flow: t("report.sheets.flow"),
        streets: t("report.sheets.streets"),
        waiting: t("report.sheets.waiting"),
        expansion: t("report.sheets.expansion"),
      },
    },
    sections: [
      {
        id: "members",
        title: t("report.members"),
        intro: t("report.membersIntro"),
        chart: { title: t("report.membersChart"), kind: "columns", series: [t("report.total")], bars: months.map((label, i) => ({ label, values: [report.membersTotal[i]!] })) },
        table: {
          caption: t("report.members"),
          headers: [t("report.subarea"), ...months],
          rows: report.membersBySubarea.map((s) => ({ label: s.name ?? t("report.otherSubarea"), cells: s.months })),
          total: { label: t("report.total"), cells: report.membersTotal },
          empty: none,
        },
      },
      {
        id: "flow",
        title: t("report.flow"),
        intro: "",
        chart: { title: t("report.flowChart"), kind: "pairs", series: [t("report.joined"), t("report.left")], bars: report.flow.map((f, i) => ({ label: months[i]!, values: [f.joined, f.left] })) },
        table: {
          caption: t("report.flow"),
          headers: [t("report.month"), t("report.joined"), t("report.left")],
          rows: report.flow.map((f, i) => ({ label: months[i]!, cells: [f.joined, f.left] })),
          total: { label: t("report.total"), cells: [report.flowTotal.joined, report.flowTotal.left] },
          empty: none,
        },
      },
      {
        id: "streets",
        title: t("report.streets"),
        intro: t("report.streetsIntro"),
        chart: report.streets.length ? { title: t("report.streetsChart"), kind: "rows", series: [t("report.households")], bars: report.streets.map((s) => ({ label: s.street, values: [s.households] })) } : undefined,
        // No total: households are not members, and a total would only invite subtraction.
        table: { caption: t("report.streets"), headers: [t("report.street"), t("report.households")], rows: report.streets.map((s) => ({ label: s.street, cells: [s.households] })), empty: none },
      },
      {
        id: "waiting",
        title: t("report.waiting"),
        intro: t("report.waitingIntro"),
        chart: report.waiting.length ? { title: t("report.waitingChart"), kind: "rows", series: [t("report.waitingCount")], bars: report.waiting.map((w) => ({ label: w.street, values: [w.waiting] })) } : undefined,
        table: {
          caption: t("report.waiting"),
          headers: [t("report.street"), t("report.waitingCount")],
          rows: report.waiting.map((w) => ({ label: w.street, cells: [w.waiting] })),
          total: report.waiting.length ? { label: t("report.total"), cells: [report.waitingTotal] } : undefined,
          empty: none,
        },
      },
      {
        id: "expansion",
        title: t("report.expansion"),
        intro: t("report.expansionIntro"),
        table: {
          caption: t("report.expansion"),
          headers: [t("report.outcome"), t("report.count")],
          rows: report.expansion.map((e) => ({ label: t(`report.outcomes.${e.outcome}`), cells: [e.count] })),
          total: { label: t("report.total"), cells: [report.expansionTotal] },
          empty: none,
        },
      },
    ],
  };
}
