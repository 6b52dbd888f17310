import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, Pagination, type DataColumn } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { auditQuerySchema } from "@/lib/audit/audit-query.schema";
import { AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/audit-vocabulary";
import { auditWords } from "@/lib/audit/audit-words";
import { describeAuditMeta, groupRepeatedViews } from "@/lib/audit/describe-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { href } from "@/lib/http/href";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.audit") };
}
type Event = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];
type Line = { id: string; row: Event; count: number; since: Date };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/audit");
    const query = auditQuerySchema.parse(await searchParams);
    const [t, v, ts, format, page] = await Promise.all([
      getTranslations("staff.audit"),
      getTranslations("vocabulary"),
      getTranslations("staff"),
      getFormatter(),
      listAuditEvents(viewer, query),
    ]);
    const words = await auditWords(page.subareaNames);
    const staff = new Map(page.staff.map((s) => [s.id, s]));
    const current = { action: query.action, actor: query.actor, record: query.record, from: query.from, to: query.to };
    const actionLabel = (action: string) => (isAuditAction(action) ? v(`auditActions.${action}`) : action);
    const staffName = (id: string | null) => {
      const person = id ? staff.get(id) : undefined;
      return person ? v("byStaff", { name: person.name, role: ts(`roles.${person.role}`) }) : v("unknownStaff");
    };
    const target = (r: Event) => {
      const id = r.targetId ?? "";
      switch (r.targetType) {
        case "Application":
          return <a href={`/staff/applications/${encodeURIComponent(id)}`}>{v("auditTargets.Application", { id })}</a>;
        case "PrivacyRequest":
          return <a href={`/staff/privacy/${encodeURIComponent(id)}`}>{v("auditTargets.PrivacyRequest", { id })}</a>;
        case "Subarea":
          return v("auditTargets.Subarea", { name: page.subareaNames[Number(id)] ?? `#${id}` });
        case "User":
          return v("auditTargets.User", { name: staff.get(id)?.name ?? "?" });
        case "ExpansionRequest":
        case "Message":
        case "ViolationReport":
          return v(`auditTargets.${r.targetType}`, { id });
        default:
          return r.subjectIds.length ? t("subjects", { count: r.subjectIds.length }) : "—";
      }
    };
    const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium" });
    const sameDay = (a: Date, b: Date) => format.dateTime(a, { dateStyle: "short" }) === format.dateTime(b, { dateStyle: "short" });
    const columns: DataColumn<Line>[] = [
      {
        id: "at",
        header: t("when"),
        rowHeader: true,
        cell: (l) => (
          <>
            {when(l.row.at)}
            {l.count > 1 && (
              <span className="block text-sm text-slate-600">
                {t("repeated", { count: l.count, since: sameDay(l.since, l.row.at) ? format.dateTime(l.since, { timeStyle: "medium" }) : when(l.since) })}
              </span>
            )}
          </>
        ),
      },
      { id: "who", header: t("who"), cell: (l) => (l.row.actorKind === "STAFF" ? staffName(l.row.actorId) : l.row.actorKind === "SYSTEM" ? t("system") : t("resident")) },
      { id: "action", header: t("what"), cell: (l) => actionLabel(l.row.action) },
      { id: "target", header: t("target"), cell: (l) => target(l.row) },
      {
        id: "meta",
        header: t("details"),
        cell: (l) => {
          const details = describeAuditMeta(l.row.action, l.row.meta, words);
          return details.length ? (
            <ul className="text-sm">
              {details.map((d) => (
                <li key={d.label}>
                  {d.label}: {d.value}
                </li>
              ))}
            </ul>
          ) : (
            ""
          );
        },
      },
    ];
    const lines: Line[] = groupRepeatedViews(page.rows).map((g) => ({ id: g.row.id, ...g }));
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
                <option key={a} value={a}>{actionLabel(a)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="actor" className="text-sm font-medium">{t("actor")}</label>
            <select id="actor" name="actor" defaultValue={query.actor ?? ""} className={field}>
              <option value="">{t("anyActor")}</option>
              {page.staff.map((s) => (
                <option key={s.id} value={s.id}>{v("byStaff", { name: s.name, role: ts(`roles.${s.role}`) })}</option>
              ))}
            </select>
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
        <DataTable caption={t("title")} columns={columns} rows={lines} empty={t("empty")} />
        <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/audit", current, { page: p })} />
      </section>
    );
  });
}
