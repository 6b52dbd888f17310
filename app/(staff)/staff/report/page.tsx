import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/bar-chart";
import { DataTable } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { config } from "@/lib/config/env";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { isLocale, LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { getReport } from "@/lib/report/get-report";
import { parseReportPeriod, REPORT_PRESETS } from "@/lib/report/report-period";
import { reportDocument, type ReportSection } from "@/lib/report/report-tables";
import { chartValue, figureText, type Figure } from "@/lib/report/small-counts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("report.nav") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The report for the municipality and the police (coordinators): choose a period and the
 * files' language, see the figures (the same ones the PDF and the spreadsheet print, from
 * lib/report), download both. A GET form: the URL holds the choice, no JavaScript needed.
 */
export default async function ReportPage({ searchParams }: { searchParams: SearchParams }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/report");
    const params = await searchParams;
    const period = parseReportPeriod(params);
    const [t, uiLocale] = await Promise.all([getTranslations("report"), getLocale()]);
    const locale = isLocale(uiLocale) ? uiLocale : "nl";
    const langParam = Array.isArray(params.lang) ? params.lang[0] : params.lang;
    const fileLocale = isLocale(langParam) ? langParam : locale;
    const doc = reportDocument(await getReport(viewer, period), locale, config().ORGANISATION_NAME);
    const query = new URLSearchParams(period.preset ? { months: String(period.preset) } : { months: "custom", from: period.from, to: period.to });
    query.set("lang", fileLocale);
    const field = "block w-full rounded border border-slate-400 px-2 py-1.5";
    return (
      <section className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p>{t("intro")}</p>
          <p className="text-sm">{t("rule")}</p>
        </header>

        <form method="get" aria-labelledby="choose" className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id="choose" className="text-lg font-semibold">{t("choose")}</h2>
          <fieldset className="space-y-1">
            <legend className="font-medium">{t("period")}</legend>
            {REPORT_PRESETS.map((n) => (
              <label key={n} className="flex items-center gap-2">
                <input type="radio" name="months" value={n} defaultChecked={period.preset === n} />
                {t("lastMonths", { count: n })}
              </label>
            ))}
            <label className="flex items-center gap-2">
              <input type="radio" name="months" value="custom" defaultChecked={period.preset === null} />
              {t("custom")}
            </label>
            <div className="grid max-w-md grid-cols-1 gap-3 pl-6 sm:grid-cols-2">
              <div>
                <label htmlFor="from" className="text-sm font-medium">{t("from")}</label>
                <input id="from" name="from" type="month" defaultValue={period.from} aria-describedby="month-hint" className={field} />
              </div>
              <div>
                <label htmlFor="to" className="text-sm font-medium">{t("to")}</label>
                <input id="to" name="to" type="month" defaultValue={period.to} aria-describedby="month-hint" className={field} />
              </div>
              <p id="month-hint" className="text-sm text-slate-600 sm:col-span-2">{t("monthHint")}</p>
            </div>
          </fieldset>
          <div className="max-w-xs">
            <label htmlFor="lang" className="font-medium">{t("language")}</label>
            <select id="lang" name="lang" defaultValue={fileLocale} className={field}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>{translatorFor(l)("language.ownName")}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("show")}</button>
        </form>

        <div aria-live="polite">{period.error && <p className="rounded border border-alert-700 bg-white p-3 font-medium text-alert-700">{t(`errors.${period.error}`)}</p>}</div>

        <section aria-labelledby="downloads" className="space-y-2">
          <h2 id="downloads" className="text-lg font-semibold">{t("downloads")}</h2>
          <p className="text-sm">{doc.heading}. {doc.asOf}</p>
          <ul className="flex flex-wrap gap-3">
            <li>
              <a href={`/api/staff/report?${query}&format=pdf`} download className="inline-block rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("downloadPdf")}</a>
            </li>
            <li>
              <a href={`/api/staff/report?${query}&format=xlsx`} download className="inline-block rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700">{t("downloadXlsx")}</a>
            </li>
          </ul>
        </section>

        {doc.sections.map((section) => (
          <Section key={section.id} section={section} locale={locale} />
        ))}
      </section>
    );
  });
}

/** A bar's label: the table's text, with "≥ 7" for "minstens 7" so it fits beside the bar. */
function chartNote(f: Figure, locale: AppLocale): string {
  return f.kind === "atLeast" ? `≥ ${f.value}` : figureText(f, locale);
}

function Section({ section, locale }: { section: ReportSection; locale: AppLocale }) {
  const { table, chart } = section;
  type Row = { id: number; label: string; cells: Figure[]; isTotal: boolean };
  const rows: Row[] = [...table.rows, ...(table.total ? [table.total] : [])].map((r, i) => ({ ...r, id: i, isTotal: table.total !== undefined && i === table.rows.length }));
  return (
    <section aria-labelledby={`section-${section.id}`} className="space-y-2">
      <h2 id={`section-${section.id}`} className="text-lg font-semibold">{section.title}</h2>
      {section.intro && <p className="text-sm">{section.intro}</p>}
      {chart && chart.kind !== "pairs" && (
        <BarChart title={chart.title} bars={chart.bars.slice(0, 25).map((b) => ({ label: b.label, value: chartValue(b.values[0]!), note: chartNote(b.values[0]!, locale) }))} />
      )}
      <DataTable<Row>
        caption={table.caption}
        rows={rows}
        empty={table.empty}
        columns={table.headers.map((header, c) => ({
          id: `c${c}`,
          header,
          rowHeader: c === 0,
          cell: (r) => {
            const text = c === 0 ? r.label : r.cells[c - 1] ? figureText(r.cells[c - 1]!, locale) : "";
            return r.isTotal ? <strong>{text}</strong> : text;
          },
        }))}
      />
    </section>
  );
}
