import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/bar-chart";
import { DataTable } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { getCoverage } from "@/lib/coverage/get-coverage";
import { GROUP_NEARLY_FULL } from "@/lib/subareas/group-limit";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.coverage") };
}
export default async function CoveragePage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/coverage");
    const [t, coverage] = await Promise.all([getTranslations("staff"), getCoverage(viewer)]);
    const streets = coverage.uncovered.map((u) => ({ ...u, id: u.street }));
    return (
      <section className="space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("coverage.title")}</h1>
          <p>{t("coverage.intro")}</p>
        </header>

        <section aria-labelledby="groups" className="space-y-2">
          <h2 id="groups" className="text-lg font-semibold">{t("coverage.groups")}</h2>
          <BarChart
            title={t("coverage.groupsChart")}
            max={coverage.subareas[0]?.limit}
            bars={coverage.subareas.map((s) => ({ label: s.name, value: s.members, note: t("coverage.barNote", { members: s.members, limit: s.limit }) }))}
          />
          <DataTable
            caption={t("coverage.groups")}
            rows={coverage.subareas}
            rowHref={(s) => `/staff/subareas/${s.id}`}
            empty="—"
            columns={[
              { id: "name", header: t("subareas.name"), rowHeader: true, cell: (s) => s.name },
              { id: "members", header: t("subareas.members"), cell: (s) => <span className={s.members >= s.limit * GROUP_NEARLY_FULL ? "font-semibold text-alert-700" : undefined}>{s.members}</span> },
              { id: "pending", header: t("subareas.pending"), cell: (s) => s.pending },
              { id: "limit", header: t("coverage.limit"), cell: (s) => s.limit },
            ]}
          />
        </section>

        <section aria-labelledby="uncovered" className="space-y-2">
          <h2 id="uncovered" className="text-lg font-semibold">{t("coverage.uncovered", { count: coverage.waitingTotal })}</h2>
          <p className="text-sm">{t("coverage.uncoveredIntro")}</p>
          {streets.length > 0 && <BarChart title={t("coverage.uncoveredChart")} bars={streets.slice(0, 15).map((s) => ({ label: s.street, value: s.waiting }))} />}
          <DataTable
            caption={t("coverage.uncoveredCaption")}
            rows={streets}
            empty={t("coverage.none")}
            columns={[
              { id: "street", header: t("fields.street"), rowHeader: true, cell: (s) => s.street },
              { id: "waiting", header: t("coverage.waiting"), cell: (s) => s.waiting },
            ]}
          />
        </section>
      </section>
    );
  });
}
