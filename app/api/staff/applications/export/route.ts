import { requireApi } from "@/lib/auth/guards";
import { parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { exportApplications, exportApplicationsXlsx } from "@/lib/applications/export-applications";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/**
 * The inbox's filtered rows (coordinators): an .xlsx workbook in the coordinator's language by
 * default, CSV for other programs with `?format=csv`. Every export is in the audit trail.
 */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/applications/export");
  if (response) return response;
  const params = new URL(request.url).searchParams;
  const query = parseApplicationQuery(params);
  const date = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
  const common = { "Cache-Control": "no-store" };
  if (params.get("format") === "csv") {
    const { csv, count } = await exportApplications(viewer, query);
    return new Response(`\uFEFF${csv}`, {
      headers: { ...common, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="aanmeldingen-${date}.csv"`, "X-Row-Count": String(count) },
    });
  }
  const { xlsx, count } = await exportApplicationsXlsx(viewer, query, await getAppLocale());
  return new Response(new Uint8Array(xlsx), {
    headers: {
      ...common,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="aanmeldingen-${date}.xlsx"`,
      "X-Row-Count": String(count),
    },
  });
});
