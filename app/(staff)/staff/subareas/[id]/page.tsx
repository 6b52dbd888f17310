import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { AddressTester } from "@/components/address-tester";
import { buttonClass, fieldClass, FormField, secondaryButtonClass } from "@/components/form-field";
import { RuleDescription } from "@/components/rule-description";
import { RuleEditor } from "@/components/rule-editor";
import { requirePage } from "@/lib/auth/guards";
import { ifNotFound, orNotFound } from "@/lib/http/not-found";
import { getSubarea } from "@/lib/subareas/get-subarea";
import { getRuleDeletion } from "@/lib/subareas/rule-deletion";
import { GROUP_NEARLY_FULL, WHATSAPP_GROUP_LIMIT } from "@/lib/subareas/group-limit";
import { addRuleAction, deleteRuleAction, testAddressAction, updateSubareaAction } from "@/lib/subareas/subarea-actions";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.subareas") };
}
export default async function SubareaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ moved?: string; mailed?: string; deleteRule?: string; deleted?: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const { moved, mailed, deleteRule: deleteParam, deleted } = await searchParams;
    const viewer = await requirePage("/staff/subareas/[id]", `/staff/subareas/${encodeURIComponent(id)}`);
    const subarea = await orNotFound(getSubarea(viewer, recordIdOrNotFound(id)));
    // The confirmation step before deleting a rule: a page of its own (works without JavaScript).
    const deleteId = deleteParam !== undefined && /^\d{1,9}$/.test(deleteParam) ? Number(deleteParam) : null;
    const [t, deletion] = await Promise.all([
      getTranslations("staff"),
      deleteId === null ? null : ifNotFound(getRuleDeletion(viewer, deleteId), () => null),
    ]);
    const nearlyFull = subarea.memberCount >= WHATSAPP_GROUP_LIMIT * GROUP_NEARLY_FULL;
    return (
      <article className="space-y-6">
        <header className="space-y-1">
          <p className="text-sm">
            <Link href="/staff/subareas" className="text-brand-700 underline">{t("subareas.back")}</Link>
          </p>
          <h1 className="text-2xl font-bold">{subarea.name}</h1>
          <p>
            {t(`subareaStatus.${subarea.status}`)} · {t("subareas.members")}: {subarea.memberCount} {t("subareas.limit", { limit: WHATSAPP_GROUP_LIMIT })} · {t("subareas.pending")}: {subarea.pending} ·{" "}
            {t("subareas.added")}: {subarea.added}
          </p>
          {moved !== undefined && /^\d+$/.test(moved) && (
            <p role="status" className="rounded bg-brand-50 p-3">
              {t("expansion.approved", { moved: Number(moved) })}
              {mailed !== undefined && /^\d+$/.test(mailed) && <> {t("expansion.approvedMailed", { mailed: Number(mailed) })}</>}
            </p>
          )}
          {nearlyFull && <p role="note" className="font-semibold text-alert-700">{t("subareas.nearlyFull")}</p>}
        </header>

        <section aria-labelledby="edit" className="space-y-2 rounded border border-slate-200 p-4">
          <h2 id="edit" className="text-lg font-semibold">{t("subareas.edit")}</h2>
          <ActionForm action={updateSubareaAction} success={t("subareas.saved")} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="id" value={subarea.id} />
            <input type="hidden" name="version" value={subarea.version} />
            <FormField id="name" label={t("fields.name")} defaultValue={subarea.name} required />
            <div>
              <label htmlFor="status" className="text-sm font-medium">{t("fields.status")}</label>
              <select id="status" name="status" defaultValue={subarea.status} className={fieldClass} aria-describedby="status-hint">
                {(["ACTIVE", "PROPOSED", "RETIRED"] as const).map((s) => <option key={s} value={s}>{t(`subareaStatus.${s}`)}</option>)}
              </select>
              <p id="status-hint" className="text-xs text-slate-600">{t("subareas.retireHint")}</p>
            </div>
            <FormField id="inviteLink" label={t("fields.inviteLink")} type="url" defaultValue={subarea.inviteLink ?? ""} hint={t("subareas.inviteHint")} className="sm:col-span-2" />
            <FormField id="description" label={t("fields.description")} defaultValue={subarea.description ?? ""} className="sm:col-span-2" />
            <FormField id="memberCount" label={t("fields.memberCount")} inputMode="numeric" defaultValue={String(subarea.memberCount)} />
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass}>{t("subareas.save")}</button>
            </div>
          </ActionForm>
        </section>

        <section aria-labelledby="rules" className="space-y-3 rounded border border-slate-200 p-4">
          <h2 id="rules" className="text-lg font-semibold">{t("subareas.rules")}</h2>
          {deleted !== undefined && /^\d+$/.test(deleted) && (
            <p role="status" className="rounded bg-brand-50 p-3">{t("subareas.ruleDeleted", { rule: Number(deleted) })}</p>
          )}
          {subarea.rules.length === 0 ? (
            <p>{t("subareas.noRules")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {subarea.rules.map((rule) =>
                deletion?.rule.id === rule.id ? (
                  <li key={rule.id} className="py-2">
                    <section id="confirm-delete" aria-labelledby="confirm-delete-title" className="space-y-2 rounded border-2 border-alert-700 p-3">
                      <h3 id="confirm-delete-title" className="font-semibold">{t("subareas.confirmDeleteTitle", { rule: rule.id })}</h3>
                      <p>
                        {t("subareas.confirmDeleteCovers")} <strong><RuleDescription rule={rule} /></strong>
                      </p>
                      <p>{t("subareas.confirmDeleteMatches", { count: deletion.matching })}</p>
                      <p className="text-sm text-slate-700">{t("subareas.confirmDeleteAfter")}</p>
                      <ActionForm action={deleteRuleAction} className="flex flex-wrap items-center gap-3">
                        <input type="hidden" name="ruleId" value={rule.id} />
                        <button type="submit" autoFocus className="rounded bg-alert-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-alert-800">
                          {t("subareas.confirmDeleteYes", { rule: rule.id })}
                        </button>
                        <Link href={`/staff/subareas/${subarea.id}#rules`} className="text-brand-700 underline">{t("subareas.confirmDeleteNo")}</Link>
                      </ActionForm>
                    </section>
                  </li>
                ) : (
                  <li key={rule.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <span>
                      <span className="text-slate-600">#{rule.id}</span> <RuleDescription rule={rule} />
                    </span>
                    <Link href={`/staff/subareas/${subarea.id}?deleteRule=${rule.id}#confirm-delete`} className={secondaryButtonClass} aria-label={`${t("subareas.deleteRule")} #${rule.id}`}>
                      {t("subareas.deleteRule")}
                    </Link>
                  </li>
                ),
              )}
            </ul>
          )}
          <h3 id="add-rule" className="font-semibold">{t("subareas.addRule")}</h3>
          <RuleEditor
            action={addRuleAction}
            subareaId={subarea.id}
            texts={{
              labels: {
                street: t("fields.street"),
                houseNumberFrom: t("fields.houseNumberFrom"),
                houseNumberTo: t("fields.houseNumberTo"),
                parity: t("fields.parity"),
                all: t("subareas.all"),
                odd: t("subareas.odd"),
                even: t("subareas.even"),
                postcodeFrom: t("fields.postcodeFrom"),
                postcodeTo: t("fields.postcodeTo"),
                submit: t("subareas.addRuleButton"),
                confirm: t("subareas.overlapConfirm"),
                added: t("subareas.ruleAdded"),
              },
            }}
          />
        </section>

        <section aria-labelledby="contacts" className="space-y-2">
          <h2 id="contacts" className="text-lg font-semibold">{t("subareas.contacts")}</h2>
          {subarea.contacts.length === 0 ? (
            <p>{t("subareas.noContacts")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {subarea.contacts.map((c) => <li key={c.id}>{c.name ?? c.email} · {c.email}{!c.active && ` (${t("staffPage.inactive")})`}</li>)}
            </ul>
          )}
          <p><Link href="/staff/staff" className="text-brand-700 underline">{t("staffPage.title")}</Link></p>
        </section>

        <AddressTester action={testAddressAction} />
      </article>
    );
  });
}
