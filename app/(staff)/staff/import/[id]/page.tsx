import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, type DataColumn } from "@/components/data-table";
import { ImportConfirmForm } from "@/components/import-confirm-form";
import { SubmitButton } from "@/components/submit-button";
import { requirePage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/http/not-found";
import type { RowDuplicate, RowProblem } from "@/lib/intake/check-import-rows";
import { IMPORT_COLUMNS, mappingFromParams, type ImportColumn } from "@/lib/intake/column-mapping";
import { confirmImportAction, discardImportAction } from "@/lib/intake/import-actions";
import { getImportPreview } from "@/lib/intake/import-batches";
import { formatAddress } from "@/lib/subareas/address";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { displayPhone } from "@/lib/phone/mobile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("intake.nav.import") };
}
const SHOWN = 200;

export default async function ImportPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/import/[id]", `/staff/import/${encodeURIComponent(id)}`);
    const preview = await orNotFound(getImportPreview(viewer, recordIdOrNotFound(id), mappingFromParams(await searchParams, 10_000)));
    const [t, tIntake, tStaff, format] = await Promise.all([getTranslations("intake.import"), getTranslations("intake"), getTranslations("staff"), getFormatter()]);
    const { table, mapping, check } = preview;
    const fieldName = (field: ImportColumn | "address") => tIntake(`fields.${field}`);
    const skipped = check ? check.invalidRows + check.duplicates.length : 0;

    const problemColumns: DataColumn<RowProblem & { id: string }>[] = [
      { id: "row", header: t("row"), rowHeader: true, cell: (p) => p.row },
      { id: "field", header: t("field"), cell: (p) => fieldName(p.field) },
      { id: "problem", header: t("problem"), cell: (p) => (p.field === "address" ? tIntake("fieldErrors.address") : tIntake(`fieldErrors.${p.field}`, { code: p.code })) },
    ];
    const duplicateColumns: DataColumn<RowDuplicate & { id: number }>[] = [
      { id: "row", header: t("row"), rowHeader: true, cell: (d) => d.row },
      {
        id: "of",
        header: t("duplicateOf"),
        cell: (d) =>
          d.ofApplication ? (
            <a href={`/staff/applications/${d.ofApplication.id}`}>
              {t("duplicateOfApplication", { id: d.ofApplication.id, status: tStaff(`status.${d.ofApplication.status}`) })}
            </a>
          ) : (
            t("duplicateOfRow", { row: d.ofRow ?? 0 })
          ),
      },
    ];
    type Ready = NonNullable<typeof check>["ready"][number] & { id: number };
    const sampleColumns: DataColumn<Ready>[] = [
      { id: "row", header: t("row"), cell: (r) => r.row },
      { id: "name", header: tIntake("fields.name"), rowHeader: true, cell: (r) => r.application.name },
      { id: "mobile", header: tIntake("fields.mobile"), cell: (r) => displayPhone(r.application.mobile) },
      {
        id: "address",
        header: tIntake("fields.address"),
        cell: (r) => formatAddress(r.application),
      },
      { id: "email", header: tIntake("fields.email"), cell: (r) => r.application.email ?? "—" },
      {
        id: "outcome",
        header: t("outcome"),
      cell: (r) =>
        r.application.addressUnrecognised || r.application.suggestedSubareaId === null
          ? tIntake("outcome.UNRECOGNISED")
          : tIntake(`outcome.${r.application.status}`, { subarea: preview.subareaNames[r.application.suggestedSubareaId] ?? "—" }),
      },
    ];
    const delimiter = table.delimiter === ";" ? "semicolon" : table.delimiter === "," ? "comma" : "tab";

    return (
      <article className="space-y-6">
        <p>
          <Link href="/staff/import" className="text-brand-700 underline">
            ← {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("previewTitle")}</h1>
        <p className="break-words">
          {t("fileSummary", { file: preview.fileName, count: table.rows.filter((r) => r.length > 0).length, delimiter: t("delimiter", { delimiter }) })}
        </p>

        <section aria-labelledby="mapping-heading" className="space-y-2">
          <h2 id="mapping-heading" className="text-xl font-semibold">
            {t("mapping")}
          </h2>
          <p className="text-sm text-slate-700">{t("mappingIntro")}</p>
          <form method="get" className="space-y-3" aria-labelledby="mapping-heading">
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {IMPORT_COLUMNS.map((field) => (
                <div key={field}>
                  <label htmlFor={`map-${field}`} className="block text-sm font-medium">
                    {fieldName(field)}
                  </label>
                  <select
                    id={`map-${field}`}
                    name={field}
                    defaultValue={mapping[field] === null ? "" : String(mapping[field])}
                    className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5"
                  >
                    <option value="">{t("notInFile")}</option>
                    {table.header.map((name, index) => (
                      <option key={index} value={index}>
                        {t("column", { number: index + 1, name: name || "—" })}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
              {t("applyMapping")}
            </button>
          </form>
          {preview.missing.length > 0 && (
            <p role="alert" className="font-medium text-alert-700">
              {t("missing", { fields: format.list(preview.missing.map((f) => fieldName(f as ImportColumn))) })}
            </p>
          )}
        </section>

        {check && (
          <>
            <section aria-labelledby="summary-heading" className="space-y-2">
              <h2 id="summary-heading" className="text-xl font-semibold">
                {t("summary")}
              </h2>
              <ul className="list-disc space-y-1 pl-5">
                <li>{t("ready", { count: check.ready.length })}</li>
                {check.invalidRows > 0 && <li className="font-medium text-alert-700">{t("invalidRows", { count: check.invalidRows })}</li>}
                {check.duplicates.length > 0 && <li className="font-medium text-alert-700">{t("duplicateRows", { count: check.duplicates.length })}</li>}
                {check.emptyRows > 0 && <li>{t("emptyRows", { count: check.emptyRows })}</li>}
              </ul>
            </section>

            {check.ready.length > 0 && (
              <section aria-labelledby="sample-heading" className="space-y-2">
                <h2 id="sample-heading" className="text-xl font-semibold">
                  {t("sample")}
                </h2>
                <DataTable caption={t("sample")} columns={sampleColumns} rows={check.ready.slice(0, 5).map((r) => ({ ...r, id: r.row }))} empty="—" />
              </section>
            )}

            {check.problems.length > 0 && (
              <section aria-labelledby="problems-heading" className="space-y-2">
                <h2 id="problems-heading" className="text-xl font-semibold">
                  {t("problems")}
                </h2>
                <DataTable
                  caption={t("problems")}
                  columns={problemColumns}
                  rows={check.problems.slice(0, SHOWN).map((p) => ({ ...p, id: `${p.row}-${p.field}` }))}
                  empty="—"
                />
                {check.problems.length > SHOWN && <p>{t("moreProblems", { count: check.problems.length - SHOWN })}</p>}
              </section>
            )}

            {check.duplicates.length > 0 && (
              <section aria-labelledby="duplicates-heading" className="space-y-2">
                <h2 id="duplicates-heading" className="text-xl font-semibold">
                  {t("duplicates")}
                </h2>
                <p className="text-sm text-slate-700">{t("duplicatesIntro")}</p>
                <DataTable caption={t("duplicates")} columns={duplicateColumns} rows={check.duplicates.slice(0, SHOWN).map((d) => ({ ...d, id: d.row }))} empty="—" />
              </section>
            )}

            <section aria-labelledby="confirm-heading" className="space-y-3 rounded border border-slate-300 p-4">
              <h2 id="confirm-heading" className="text-xl font-semibold">
                {t("confirm")}
              </h2>
              {check.ready.length === 0 ? (
                <p>{t("nothingReady")}</p>
              ) : (
                <ImportConfirmForm
                  action={confirmImportAction}
                  progressUrl={`/api/staff/import/${preview.id}/progress`}
                  labels={{ form: t("confirm"), importing: t("importing"), progress: t.raw("progress") as string }}
                >
                  <input type="hidden" name="id" value={preview.id} />
                  <input type="hidden" name="expectReady" value={check.ready.length} />
                  {IMPORT_COLUMNS.map((field) => (
                    <input key={field} type="hidden" name={field} value={mapping[field] === null ? "" : String(mapping[field])} />
                  ))}
                  {/* The button says what it does: with rows to skip, it imports the good ones and skips the rest. */}
                  {skipped > 0 && (
                    <>
                      <p className="text-sm text-slate-700">{t("blockedHint", { count: skipped })}</p>
                      <input type="hidden" name="skipProblems" value="on" />
                    </>
                  )}
                  <SubmitButton className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
                    {skipped > 0 ? t("importSkipping", { count: check.ready.length, skipped }) : t("importButton", { count: check.ready.length })}
                  </SubmitButton>
                </ImportConfirmForm>
              )}
            </section>
          </>
        )}

        <form action={discardImportAction}>
          <input type="hidden" name="id" value={preview.id} />
          <SubmitButton className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("discard")}</SubmitButton>
        </form>
      </article>
    );
  });
}
