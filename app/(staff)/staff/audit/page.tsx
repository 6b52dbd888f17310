import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, Pagination, type DataColumn } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { AUDIT_ACTIONS, auditQuerySchema } from "@/lib/audit/audit-query.schema";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { href } from "@/lib/http/href";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.audit") };
}
type Row = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/audit");
    const query = auditQuerySchema.parse(await searchParams);
    const [t, format, page] = await Promise.all([getTranslations("staff.audit"), getFormatter(), listAuditEvents(viewer, query)]);
    const current = { action: query.action, actor: query.actor, record: query.record, from: query.from, to: query.to };
    const columns: DataColumn<Row>[] = [
      { id: "at", header: t("when"), rowHeader: true, cell: (r) => format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" }) },
      { id: "who", header: t("who"), cell: (r) => (r.actorKind === "STAFF" ? <code>{r.actorId}</code> : r.actorKind === "SYSTEM" ? t("system") : t("resident")) },
      { id: "action", header: t("what"), cell: (r) => <code>{r.action}</code> },
      { id: "target", header: t("target"), cell: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : r.subjectIds.length ? t("subjects", { count: r.subjectIds.length }) : "—") },
      { id: "meta", header: t("details"), cell: (r) => (r.meta ? <code className="break-all text-xs">{JSON.stringify(r.meta)}</code> : "") },
    ];
    const field = "block w-full rounded border border-slate-400 px-2 py-1.5";
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters")}>
          <div>
            <label htmlFor="action" className="text-sm font-medium">{t("action")}</label>
            <select id="action" name="action" defaultValue={query.action ?? ""} className={field}>
              <option value="">{t("anyAction")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="actor" className="text-sm font-medium">{t("actor")}</label>
            <input id="actor" name="actor" defaultValue={query.actor ?? ""} className={field} />
          </div>
          <div>
            <label htmlFor="record" className="text-sm font-medium">{t("record")}</label>
            <input id="record" name="record" inputMode="numeric" defaultValue={query.record ?? ""} className={field} />
          </div>
          <div>
            <label htmlFor="from" className="text-sm font-medium">{t("from")}</label>
            <input id="from" name="from" type="date" defaultValue={query.from ?? ""} className={field} />
          </div>
          <div>
            <label htmlFor="to" className="text-sm font-medium">{t("to")}</label>
            <input id="to" name="to" type="date" defaultValue={query.to ?? ""} className={field} />
          </div>
          <div className="flex items-end gap-2">
            <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("apply")}</button>
            <a href="/staff/audit" className="px-2 py-1.5 text-brand-700 underline">{t("reset")}</a>
          </div>
        </form>
        <DataTable caption={t("title")} columns={columns} rows={page.rows} empty={t("empty")} />
        <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/audit", current, { page: p })} />
      </section>
    );
  });
}
