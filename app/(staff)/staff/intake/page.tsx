import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FileField } from "@/components/file-field";
import { SubmitButton } from "@/components/submit-button";
import { UploadForm } from "@/components/upload-form";
import { requirePage } from "@/lib/auth/guards";
import { listMailDrafts } from "@/lib/intake/mail-drafts";
import { uploadMailAction } from "@/lib/intake/mail-intake-actions";
import { MAX_UPLOAD_BYTES } from "@/lib/intake/upload-limits";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("intake.nav.mail") };
}
const notice = z.object({
  saved: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["NEW", "WAITING"]).optional().catch(undefined),
  added: z.coerce.number().int().positive().max(100).optional().catch(undefined),
  upload: z.literal("tooLarge").optional().catch(undefined),
});

type Draft = Awaited<ReturnType<typeof listMailDrafts>>[number];

export default async function MailIntakePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/intake");
  const { saved, status, added, upload } = notice.parse(await searchParams);
    const [t, format, drafts] = await Promise.all([getTranslations("intake"), getFormatter(), listMailDrafts(viewer)]);
    const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
    const source = (d: Draft) => d.fileName ?? t("mail.pastedMail");
    const columns: DataColumn<Draft>[] = [
      { id: "createdAt", header: t("mail.addedAt"), cell: (d) => format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "short" }) },
      { id: "source", header: t("mail.source"), cell: (d) => <span className="break-all">{source(d)}</span> },
      { id: "name", header: t("fields.name"), rowHeader: true, cell: (d) => d.name ?? "—" },
      {
        id: "open",
        header: t("mail.open"),
        cell: (d) => (
          <a
            href={`/staff/intake/${d.id}`}
            aria-label={t("mail.openLabel", { source: source(d), date: format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "short" }) })}
            className="font-medium text-brand-700 underline"
          >
            {t("mail.open")}
          </a>
        ),
      },
    ];
    return (
      <section className="space-y-6">
        <h1 className="text-2xl font-bold">{t("mail.title")}</h1>
        <p className="max-w-3xl">{t("mail.intro")}</p>
        {saved && (
          <div role="status" className="rounded border border-brand-700 bg-brand-50 p-3">
            <p className="font-medium">{t("mail.saved", { id: saved })}</p>
            {status && <p>{t("mail.savedStatus", { status })}</p>}
            <p>
              <a href={`/staff/applications/${saved}`} className="text-brand-700 underline">
                {t("mail.savedLink", { id: saved })}
              </a>
            </p>
          </div>
        )}
        {added && (
          <p role="status" className="rounded border border-brand-700 bg-brand-50 p-3 font-medium">
            {t("mail.added", { count: added })}
          </p>
        )}

        <section aria-labelledby="drafts-heading" className="space-y-2">
          <h2 id="drafts-heading" className="text-xl font-semibold">
            {t("mail.drafts")} ({drafts.length})
          </h2>
          <DataTable caption={t("mail.drafts")} columns={columns} rows={drafts} empty={t("mail.noDrafts")} />
        </section>

        <section aria-labelledby="upload-heading" className="max-w-3xl space-y-3">
          <h2 id="upload-heading" className="text-xl font-semibold">
            {t("mail.uploadHeading")}
          </h2>
          <UploadForm
            action={uploadMailAction}
            maxBytes={MAX_UPLOAD_BYTES}
            tooLarge={t("mail.errors.tooLarge", { size: megabytes })}
          refused={upload ? t("mail.errors.tooLarge", { size: megabytes }) : undefined}
            label={t("mail.uploadHeading")}
            className="space-y-4"
          >
            <FileField name="files" label={t("mail.files")} hint={t("mail.filesHint", { size: megabytes })} accept=".eml,message/rfc822" multiple />
            <div className="space-y-1">
              <label htmlFor="pasted" className="block font-medium">
                {t("mail.pasted")}
              </label>
              <p id="pasted-hint" className="text-sm text-slate-600">
                {t("mail.pastedHint")}
              </p>
              <textarea id="pasted" name="pasted" rows={8} aria-describedby="pasted-hint" className="block w-full rounded border border-slate-400 px-3 py-2 font-mono text-sm" />
            </div>
            <SubmitButton className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("mail.read")}</SubmitButton>
          </UploadForm>
        </section>
      </section>
    );
  });
}
