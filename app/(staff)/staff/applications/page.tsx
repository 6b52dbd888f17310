import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, Pagination, type DataColumn } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { listApplications } from "@/lib/applications/list-applications";
import type { CoordinatorApplicationRowDto } from "@/lib/access/application-dto";
import { formatPostcode } from "@/lib/subareas/address";
import { href } from "@/lib/http/href";

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePage("/staff/applications");
  const query = parseApplicationQuery(await searchParams);
  const [t, format, page] = await Promise.all([getTranslations("staff"), getFormatter(), listApplications(viewer, query)]);
  const current = { q: query.q, status: query.status, subarea: query.subarea, source: query.source, age: query.age, sort: query.sort, dir: query.dir, size: query.size };
  const columns: DataColumn<CoordinatorApplicationRowDto>[] = [
    { id: "name", header: t("applications.name"), sortable: true, rowHeader: true, cell: (r) => <a href={`/staff/applications/${r.id}`} className="text-brand-700 underline">{r.name}</a> },
    { id: "mobile", header: t("applications.mobile"), cell: (r) => r.mobile },
    { id: "street", header: t("applications.address"), sortable: true, cell: (r) => `${r.street} ${r.houseNumber}${r.houseNumberSuffix ?? ""}, ${formatPostcode(r.postcode)}` },
    { id: "status", header: t("applications.status"), sortable: true, cell: (r) => t(`status.${r.status}`) },
    { id: "subarea", header: t("applications.subarea"), cell: (r) => r.subarea?.name ?? "—" },
    { id: "createdAt", header: t("applications.created"), sortable: true, cell: (r) => format.dateTime(r.createdAt, { dateStyle: "short" }) },
  ];
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("nav.applications")}</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">{t("applications.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className="rounded border border-slate-400 px-3 py-1.5" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("applications.searchButton")}</button>
      </form>
      <DataTable
        caption={t("nav.applications")}
        columns={columns}
        rows={page.rows}
        sort={{ id: query.sort, dir: query.dir }}
        sortHref={(sort) => href("/staff/applications", current, { sort: sort.id, dir: sort.dir, page: undefined })}
        empty={t("applications.empty")}
      />
      <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/applications", current, { page: p })} />
      <p>
        <a href={href("/api/staff/applications/export", current)} className="text-brand-700 underline">{t("applications.export")}</a>
      </p>
    </section>
  );
}
