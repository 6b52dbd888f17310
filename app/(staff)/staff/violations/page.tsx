import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable, type DataColumn } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { closeViolationReport } from "@/lib/group/violation-actions";
import { listOpenViolationReports, type ViolationReportRow } from "@/lib/group/violation-reports";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("violations.nav") };
}
/** Rule violations reported by contact persons, for the coordinator to decide on. */
export default async function ViolationsPage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/violations");
    const [t, format, reports] = await Promise.all([getTranslations(), getFormatter(), listOpenViolationReports(viewer)]);
    const columns: DataColumn<ViolationReportRow>[] = [
      { id: "createdAt", header: t("violations.reported"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
      {
        id: "application",
        header: t("violations.person"),
        rowHeader: true,
        cell: (r) => r.application.name || `#${r.application.id}`,
      },
      { id: "subarea", header: t("violations.subarea"), cell: (r) => r.subarea.name },
      { id: "reason", header: t("violations.reason"), cell: (r) => t(`workspace.violation.reasons.${r.reason}`) },
      { id: "note", header: t("violations.note"), cell: (r) => r.note ?? "—" },
      {
        id: "action",
        header: t("violations.action"),
        cell: (r) => (
          <ActionForm action={closeViolationReport}>
            <input type="hidden" name="id" value={r.id} />
            <button type="submit" className="relative rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              {t("violations.handle")}
              <span className="sr-only"> ({t("violations.handleFor", { id: r.id })})</span>
            </button>
          </ActionForm>
        ),
      },
    ];
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("violations.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("violations.intro")}</p>
        <DataTable caption={t("violations.caption")} columns={columns} rows={reports} rowHref={(r) => `/staff/applications/${r.application.id}`} empty={t("violations.empty")} />
      </section>
    );
  });
}
