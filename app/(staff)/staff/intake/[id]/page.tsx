import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MailDraftForm } from "@/components/mail-draft-form";
import { SubmitButton } from "@/components/submit-button";
import { APPLICATION_FIELDS } from "@/lib/applications/application-fields.schema";
import { requirePage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/http/not-found";
import { getMailDraft } from "@/lib/intake/mail-drafts";
import { discardMailDraftAction, saveMailDraftAction } from "@/lib/intake/mail-intake-actions";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("intake.nav.mail") };
}
export default async function MailDraftPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/intake/[id]", `/staff/intake/${encodeURIComponent(id)}`);
    const draft = await orNotFound(getMailDraft(viewer, recordIdOrNotFound(id)));
    const t = await getTranslations("intake");
    const initial = Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, draft[field] ?? ""])) as Record<(typeof APPLICATION_FIELDS)[number], string>;
    const fields = Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, t(`fields.${field}`)])) as Record<(typeof APPLICATION_FIELDS)[number], string>;
    return (
      <article className="space-y-4">
        <p>
          <Link href="/staff/intake" className="text-brand-700 underline">
            ← {t("mail.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("mail.draftTitle")}</h1>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <section aria-labelledby="mail-heading" className="min-w-0 space-y-2">
            <h2 id="mail-heading" className="text-xl font-semibold">
              {t("mail.mailHeading")}
            </h2>
            <p className="break-all text-sm text-slate-600">{draft.fileName ?? t("mail.pastedMail")}</p>
            <pre
              tabIndex={0}
              className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 p-3 text-sm"
            >
              {draft.mailText}
            </pre>
          </section>
          <section aria-labelledby="form-heading" className="min-w-0 space-y-3">
            <h2 id="form-heading" className="text-xl font-semibold">
              {t("mail.formHeading")}
            </h2>
            <p className="text-sm text-slate-700">{t("mail.formIntro")}</p>
            <MailDraftForm
              action={saveMailDraftAction}
              id={draft.id}
              initial={initial}
              labels={{ fields, optional: t("fields.optional"), notFoundInMail: t("mail.notFoundInMail"), save: t("mail.save"), form: t("mail.formHeading") }}
            />
            <div className="border-t border-slate-200 pt-4">
              <h3 className="font-semibold">{t("mail.discardHeading")}</h3>
              <p className="text-sm text-slate-700">{t("mail.discardHint")}</p>
              <form action={discardMailDraftAction} className="mt-2">
                <input type="hidden" name="id" value={draft.id} />
                <SubmitButton className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("mail.discard")}</SubmitButton>
              </form>
            </div>
          </section>
        </div>
      </article>
    );
  });
}
