import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can, requirePage } from "@/lib/auth/guards";
import { startPageFor } from "@/lib/auth/staff-navigation";
import { APPLICATION_STATUSES } from "@/lib/applications/application-query.schema";
import { getOverview } from "@/lib/overview/get-overview";
import { PrivacyDeadlines } from "@/components/privacy/privacy-deadlines";
import { listPrivacyDeadlines } from "@/lib/privacy/list-privacy-requests";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

const MEMBER_CHECK_FIGURES = ["asked", "reminded", "confirmed", "listed", "kept", "removed", "openUnanswered", "openAskInPerson"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.dashboard") };
}
export default async function StaffHomePage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff");
    // Without the overview, the start page is the viewer's first page (a contact person's group).
    if (!can(viewer, "overview.read")) redirect(startPageFor(viewer) ?? notFound());
    const [t, format, overview, deadlines] = await Promise.all([
      getTranslations("staff"),
      getFormatter(),
      getOverview(viewer),
      can(viewer, "privacy.handle") ? listPrivacyDeadlines(viewer) : null,
    ]);
    const actions = [
      { count: overview.overdueNew.count, label: t("overview.overdue"), href: "/staff/applications?status=NEW&age=older&sort=createdAt&dir=asc", urgent: true },
      { count: overview.unreachable, label: t("overview.unreachable"), href: "/staff/applications?status=UNREACHABLE" },
      { count: overview.removalTasks, label: t("overview.removalTasks"), href: "/staff/applications?status=LEFT,WITHDRAWN,REJECTED" },
      { count: overview.openMessages, label: t("overview.openMessages"), href: "/staff/messages" },
      { count: overview.newExpansionRequests, label: t("overview.newExpansion"), href: "/staff/expansion" },
    ];
    return (
      <section className="space-y-6">
        <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>

        <section aria-labelledby="now" className="space-y-2">
          <h2 id="now" className="text-lg font-semibold">{t("overview.now")}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {actions.map((a) => (
              <li key={a.href}>
                <a
                  href={a.href}
                  className={`block rounded border p-3 hover:bg-slate-50 ${a.urgent && a.count > 0 ? "border-alert-700 bg-red-50" : "border-slate-200"}`}
                >
                  <span className="block text-2xl font-bold tabular-nums">{a.count}</span>
                  <span className="text-sm">{a.label}</span>
                </a>
              </li>
            ))}
          </ul>
          {overview.overdueNew.oldest.length > 0 && (
            <p className="text-sm">
              {t("overview.oldest")}{" "}
              {overview.overdueNew.oldest.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ", "}
                  <a href={`/staff/applications/${o.id}`} className="text-brand-700 underline">
                    #{o.id}
                  </a>{" "}
                  ({format.relativeTime(o.createdAt)})
                </span>
              ))}
            </p>
          )}
        </section>

        {deadlines && <PrivacyDeadlines deadlines={deadlines} />}

        <section aria-labelledby="member-check" className="space-y-2">
          <h2 id="member-check" className="text-lg font-semibold">{t("overview.memberCheck.heading")}</h2>
          <p className="text-sm">
            {overview.memberCheck.enabled ? t("overview.memberCheck.intro", { months: overview.memberCheck.months }) : t("overview.memberCheck.off")}
          </p>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {MEMBER_CHECK_FIGURES.map((key) => (
              <div key={key} className="rounded border border-slate-200 p-3">
                <dt className="text-sm">{t(`overview.memberCheck.${key}`)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{overview.memberCheck[key]}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="counts" className="space-y-2">
          <h2 id="counts" className="text-lg font-semibold">{t("dashboard.byStatus")}</h2>
          <p className="text-sm text-slate-600">{t("overview.countsSuggested")}</p>
          <div className="overflow-x-auto rounded border border-slate-200">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("overview.countsCaption")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">{t("applications.subarea")}</th>
                  {APPLICATION_STATUSES.map((s) => (
                    <th key={s} scope="col" className="px-3 py-2 text-right">{t(`status.${s}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.counts.map((row) => (
                  <tr key={row.subarea?.id ?? "none"} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">{row.subarea?.name ?? t("inbox.noSubarea")}</th>
                    {APPLICATION_STATUSES.map((s) => (
                      <td key={s} className="px-3 py-1.5 text-right tabular-nums">
                        {row.byStatus[s] ? (
                          <a href={`/staff/applications?status=${s}&subarea=${row.subarea?.id ?? "none"}`} className="text-brand-700 underline">{row.byStatus[s]}</a>
                        ) : (
                          0
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr className="border-t-2 border-slate-300 font-semibold">
                  <th scope="row" className="px-3 py-1.5 text-left">{t("overview.total")}</th>
                  {APPLICATION_STATUSES.map((s) => (
                    <td key={s} className="px-3 py-1.5 text-right tabular-nums">
                      <a href={`/staff/applications?status=${s}`} className="text-brand-700 underline">{overview.totals[s] ?? 0}</a>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      </section>
    );
  });
}
