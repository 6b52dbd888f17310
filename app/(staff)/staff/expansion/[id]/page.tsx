import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { buttonClass, fieldClass, FormField } from "@/components/form-field";
import { requirePage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/http/not-found";
import { approveExpansionAction, updateExpansionAction } from "@/lib/expansion/expansion-actions";
import { getExpansionRequest } from "@/lib/expansion/manage-expansion";
import { listSubareas } from "@/lib/subareas/list-subareas";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { displayPhone } from "@/lib/phone/mobile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.expansion") };
}
export default async function ExpansionRequestPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/expansion/[id]", `/staff/expansion/${encodeURIComponent(id)}`);
    const request = await orNotFound(getExpansionRequest(viewer, recordIdOrNotFound(id)));
    const [t, format, subareas] = await Promise.all([getTranslations("staff"), getFormatter(), listSubareas(viewer)]);
    const open = request.status === "NEW" || request.status === "IN_CONTACT";
    const withoutGroup = subareas.filter((s) => s.status !== "ACTIVE");
    return (
      <article className="space-y-6">
        <header className="space-y-1">
          <p className="text-sm"><Link href="/staff/expansion" className="text-brand-700 underline">{t("expansion.title")}</Link></p>
          <h1 className="text-2xl font-bold">{request.name}</h1>
          <p>{t(`expansion.status.${request.status}`)} · {format.dateTime(request.createdAt, { dateStyle: "medium" })}{request.subarea && <> · {request.subarea.name}</>}</p>
        </header>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-medium">{t("fields.mobile")}</dt>
          <dd>{displayPhone(request.mobile)}</dd>
          <dt className="font-medium">{t("fields.email")}</dt>
          <dd>{request.email}</dd>
          <dt className="font-medium">{t("fields.streets")}</dt>
          <dd className="whitespace-pre-wrap">{request.streets}</dd>
          <dt className="font-medium">{t("expansion.remark")}</dt>
          <dd className="whitespace-pre-wrap">{request.remark ?? "—"}</dd>
        </dl>

        {open && (
          <>
            <section aria-labelledby="pipeline" className="space-y-2 rounded border border-slate-200 p-4">
              <h2 id="pipeline" className="text-lg font-semibold">{t("expansion.pipeline")}</h2>
              <ActionForm action={updateExpansionAction} success={t("subareas.saved")} className="space-y-3">
                <input type="hidden" name="id" value={request.id} />
                <input type="hidden" name="version" value={request.version} />
                <div>
                  <label htmlFor="status" className="text-sm font-medium">{t("fields.status")}</label>
                  <select id="status" name="status" defaultValue={request.status} className={fieldClass}>
                    {(["NEW", "IN_CONTACT", "DECLINED"] as const).map((s) => <option key={s} value={s}>{t(`expansion.status.${s}`)}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor="notes" className="text-sm font-medium">{t("fields.notes")}</label>
                  <textarea id="notes" name="notes" rows={3} defaultValue={request.notes ?? ""} className={fieldClass} />
                </div>
                <button type="submit" className={buttonClass}>{t("subareas.save")}</button>
              </ActionForm>
            </section>

            <section aria-labelledby="approve" className="space-y-2 rounded border border-brand-600 p-4">
              <h2 id="approve" className="text-lg font-semibold">{t("expansion.approveTitle")}</h2>
              <p className="text-sm">{t("expansion.approveIntro")}</p>
              <ActionForm action={approveExpansionAction} className="grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="id" value={request.id} />
                <input type="hidden" name="version" value={request.version} />
                <fieldset className="space-y-2 sm:col-span-2">
                  <legend className="text-sm font-medium">{t("expansion.choiceLegend")}</legend>
                  {withoutGroup.map((s) => (
                    <label key={s.id} className="flex items-center gap-2">
                      <input type="radio" name="target" value={s.id} required className="size-4" />
                      {s.name}
                    </label>
                  ))}
                  <label className="flex items-center gap-2">
                    <input type="radio" name="target" value="new" required className="size-4" />
                    {t("expansion.choiceNew")}
                  </label>
                  <FormField id="newSubareaName" label={t("expansion.newName")} hint={t("expansion.newNameHint")} className="pl-6" />
                </fieldset>
                <FormField id="inviteLink" label={t("fields.inviteLink")} type="url" required hint={t("expansion.inviteHint")} className="sm:col-span-2" />
                <div className="sm:col-span-2">
                  <label htmlFor="streets" className="text-sm font-medium">{t("expansion.streetsToAdd")}</label>
                  <textarea id="streets" name="streets" rows={3} className={fieldClass} aria-describedby="streets-hint" />
                  <p id="streets-hint" className="text-xs text-slate-600">{t("expansion.streetsHint")}</p>
                </div>
                <p className="text-sm sm:col-span-2">{t("expansion.mailHint")}</p>
                <div className="sm:col-span-2">
                  <button type="submit" className={buttonClass}>{t("expansion.approve")}</button>
                </div>
              </ActionForm>
            </section>
          </>
        )}
      </article>
    );
  });
}
