import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guards";
import { countByStatus } from "@/lib/applications/count-by-status";
import { APPLICATION_STATUSES } from "@/lib/applications/application-query.schema";
import { PrivacyDeadlines } from "@/components/privacy/privacy-deadlines";
import { listPrivacyDeadlines } from "@/lib/privacy/list-privacy-requests";

export default async function StaffHomePage() {
  const viewer = await requirePage("/staff");
  if (viewer.role === "CONTACT_PERSON") redirect("/staff/group");
  const [t, counts, deadlines] = await Promise.all([getTranslations("staff"), countByStatus(viewer), listPrivacyDeadlines(viewer)]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
      <table className="min-w-64 text-sm">
        <caption className="mb-2 text-left font-semibold">{t("dashboard.byStatus")}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-6 text-left">{t("dashboard.status")}</th>
            <th scope="col" className="py-1 text-right">{t("dashboard.count")}</th>
          </tr>
        </thead>
        <tbody>
          {APPLICATION_STATUSES.map((status) => (
            <tr key={status} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-6 text-left font-normal">
                <a href={`/staff/applications?status=${status}`} className="text-brand-700 underline">
                  {t(`status.${status}`)}
                </a>
              </th>
              <td className="py-1 text-right tabular-nums">{counts[status] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PrivacyDeadlines deadlines={deadlines} />
    </section>
  );
}
