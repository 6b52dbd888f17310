import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FileField } from "@/components/file-field";
import { LabelledField } from "@/components/labelled-field";
import { SubmitButton } from "@/components/submit-button";
import { UploadForm } from "@/components/upload-form";
import { requirePage } from "@/lib/auth/guards";
import { uploadImportAction } from "@/lib/intake/import-actions";
import { CSV_ENCODINGS } from "@/lib/intake/decode-csv";
import { listImportBatches } from "@/lib/intake/import-batches";
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from "@/lib/intake/upload-limits";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("intake.nav.import") };
}
const notice = z.object({
  imported: z.coerce.number().int().min(0).max(MAX_IMPORT_ROWS).optional().catch(undefined),
  skipped: z.coerce.number().int().min(0).max(MAX_IMPORT_ROWS).optional().catch(undefined),
  upload: z.literal("tooLarge").optional().catch(undefined),
});

type Batch = Awaited<ReturnType<typeof listImportBatches>>[number];

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/import");
  const { imported, skipped, upload } = notice.parse(await searchParams);
    const [t, format, batches] = await Promise.all([getTranslations("intake.import"), getFormatter(), listImportBatches(viewer)]);
    const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
    const columns: DataColumn<Batch>[] = [
      { id: "fileName", header: t("file"), rowHeader: true, cell: (b) => <span className="break-all">{b.fileName}</span> },
      { id: "rowCount", header: t("rows"), cell: (b) => t("pendingRows", { count: b.rowCount }) },
      { id: "createdAt", header: t("uploadedAt"), cell: (b) => format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" }) },
      { id: "open", header: t("openPreview"), cell: (b) => <a href={`/staff/import/${b.id}`} className="font-medium text-brand-700 underline">{t("openPreview")}</a> },
    ];
    return (
      <section className="space-y-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl">{t("intro")}</p>
        {imported !== undefined && (
          <div role="status" className="rounded border border-brand-700 bg-brand-50 p-3">
            <p className="font-medium">{t("done", { count: imported })}</p>
            {skipped ? <p>{t("doneSkipped", { count: skipped })}</p> : null}
            <p>
              <Link href="/staff/applications?source=IMPORT" className="text-brand-700 underline">
                {t("doneLink")}
              </Link>
            </p>
          </div>
        )}
        <section aria-labelledby="howto-heading" className="max-w-3xl space-y-2">
          <h2 id="howto-heading" className="text-xl font-semibold">
            {t("howTo")}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("howToCsv")}</li>
            <li>{t("howToHeader")}</li>
            <li>{t("howToOptional")}</li>
            <li>{t("howToLimits", { size: megabytes, rows: format.number(MAX_IMPORT_ROWS) })}</li>
          </ul>
        </section>
        <UploadForm
          action={uploadImportAction}
          maxBytes={MAX_UPLOAD_BYTES}
          tooLarge={t("errors.tooLarge", { size: megabytes })}
        refused={upload ? t("errors.tooLarge", { size: megabytes }) : undefined}
          label={t("title")}
          className="max-w-3xl space-y-3"
        >
          <FileField name="file" label={t("file")} accept=".csv,.txt,text/csv,text/plain" required />
          <LabelledField name="encoding" label={t("encoding")} hint={t("encodingHint")}>
            <select id="encoding" name="encoding" defaultValue="auto" aria-describedby="encoding-hint" className="block rounded border border-slate-400 bg-white px-2 py-1.5">
              {(["auto", ...CSV_ENCODINGS] as const).map((encoding) => (
                <option key={encoding} value={encoding}>
                  {t(`encodings.${encoding}`)}
                </option>
              ))}
            </select>
          </LabelledField>
          <SubmitButton className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("upload")}</SubmitButton>
        </UploadForm>
        {batches.length > 0 && (
          <section aria-labelledby="pending-heading" className="space-y-2">
            <h2 id="pending-heading" className="text-xl font-semibold">
              {t("pending")}
            </h2>
            <DataTable caption={t("pending")} columns={columns} rows={batches} empty="" />
          </section>
        )}
      </section>
    );
  });
}
