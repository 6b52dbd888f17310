import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { AddressTester } from "@/components/address-tester";
import { DataTable, type DataColumn } from "@/components/data-table";
import { buttonClass, fieldClass, FormField } from "@/components/form-field";
import { RuleDescription } from "@/components/rule-description";
import { requirePage } from "@/lib/auth/guards";
import { GROUP_NEARLY_FULL, WHATSAPP_GROUP_LIMIT } from "@/lib/subareas/group-limit";
import { listSubareas } from "@/lib/subareas/list-subareas";
import { findOverlaps } from "@/lib/subareas/rule-overlaps";
import { createSubareaAction, testAddressAction } from "@/lib/subareas/subarea-actions";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.subareas") };
}
type Row = Awaited<ReturnType<typeof listSubareas>>[number];

export default async function SubareasPage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/subareas");
    const [t, subareas] = await Promise.all([getTranslations("staff"), listSubareas(viewer)]);
    const names = new Map(subareas.map((s) => [s.id, s.name]));
    const overlaps = findOverlaps(subareas.filter((s) => s.status !== "RETIRED").flatMap((s) => s.rules));
    const columns: DataColumn<Row>[] = [
      { id: "name", header: t("subareas.name"), rowHeader: true, cell: (s) => s.name },
      { id: "status", header: t("subareas.status"), cell: (s) => t(`subareaStatus.${s.status}`) },
      {
        id: "members",
        header: t("subareas.members"),
        cell: (s) => (
          <span className={s.memberCount >= WHATSAPP_GROUP_LIMIT * GROUP_NEARLY_FULL ? "font-semibold text-alert-700" : undefined}>
            {s.memberCount} {t("subareas.limit", { limit: WHATSAPP_GROUP_LIMIT })}
            {s.memberCount >= WHATSAPP_GROUP_LIMIT * GROUP_NEARLY_FULL && <> · {t("subareas.nearlyFull")}</>}
          </span>
        ),
      },
      { id: "pending", header: t("subareas.pending"), cell: (s) => s.pending },
      { id: "contacts", header: t("subareas.contacts"), cell: (s) => (s.contacts.length ? s.contacts.map((c) => c.name ?? c.email).join(", ") : t("subareas.noContacts")) },
      { id: "rules", header: t("subareas.rules"), cell: (s) => s.rules.length },
    ];
    return (
      <section className="space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("subareas.title")}</h1>
          <p>{t("subareas.intro")}</p>
        </header>
        <DataTable caption={t("subareas.title")} columns={columns} rows={subareas} rowHref={(s) => `/staff/subareas/${s.id}`} empty="—" />

        <section aria-labelledby="overlaps" className="space-y-2">
          <h2 id="overlaps" className="text-lg font-semibold">{t("subareas.overlaps")}</h2>
          {overlaps.length === 0 ? (
            <p>{t("subareas.noOverlaps")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {overlaps.map((o) => (
                <li key={`${o.a.id}-${o.b.id}`} className={o.ambiguous ? "font-medium text-alert-700" : undefined}>
                  {names.get(o.a.subareaId)}: <RuleDescription rule={o.a} /> ↔ {names.get(o.b.subareaId)}: <RuleDescription rule={o.b} /> —{" "}
                  {o.ambiguous ? t("subareas.overlapAmbiguous") : t("subareas.overlapResolved")}
                </li>
              ))}
            </ul>
          )}
        </section>

        <AddressTester action={testAddressAction} />

        <section aria-labelledby="create" className="space-y-2 rounded border border-slate-200 p-4">
          <h2 id="create" className="text-lg font-semibold">{t("subareas.create")}</h2>
          <ActionForm action={createSubareaAction} className="grid gap-3 sm:grid-cols-2">
            <FormField id="new-name" name="name" label={t("fields.name")} required />
            <div>
              <label htmlFor="new-status" className="text-sm font-medium">{t("fields.status")}</label>
              <select id="new-status" name="status" defaultValue="ACTIVE" className={fieldClass}>
                {(["ACTIVE", "PROPOSED"] as const).map((s) => <option key={s} value={s}>{t(`subareaStatus.${s}`)}</option>)}
              </select>
            </div>
            <FormField id="new-invite" name="inviteLink" label={t("fields.inviteLink")} type="url" hint={t("subareas.inviteHint")} className="sm:col-span-2" />
            <FormField id="new-description" name="description" label={t("fields.description")} className="sm:col-span-2" />
            <FormField id="new-members" name="memberCount" label={t("fields.memberCount")} inputMode="numeric" defaultValue="0" />
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass}>{t("subareas.createButton")}</button>
            </div>
          </ActionForm>
        </section>
      </section>
    );
  });
}
