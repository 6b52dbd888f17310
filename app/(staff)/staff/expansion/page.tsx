import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, type DataColumn } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { listExpansionRequests } from "@/lib/expansion/manage-expansion";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.expansion") };
}
type Row = Awaited<ReturnType<typeof listExpansionRequests>>[number];

export default async function ExpansionPage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/expansion");
    const [t, format, requests] = await Promise.all([getTranslations("staff"), getFormatter(), listExpansionRequests(viewer)]);
    const columns: DataColumn<Row>[] = [
      { id: "name", header: t("fields.name"), rowHeader: true, cell: (r) => r.name },
      { id: "streets", header: t("fields.streets"), cell: (r) => r.streets },
      { id: "status", header: t("fields.status"), cell: (r) => t(`expansion.status.${r.status}`) },
      { id: "subarea", header: t("fields.subarea"), cell: (r) => r.subarea?.name ?? "—" },
      { id: "created", header: t("applications.created"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "short" }) },
    ];
    return (
      <section className="space-y-4">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("expansion.title")}</h1>
          <p>{t("expansion.intro")}</p>
        </header>
        <DataTable caption={t("expansion.title")} columns={columns} rows={requests} rowHref={(r) => `/staff/expansion/${r.id}`} empty={t("expansion.empty")} />
      </section>
    );
  });
}
