import { requireApi } from "@/lib/auth/guards";
import { parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { exportApplications } from "@/lib/applications/export-applications";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/** The inbox's filtered rows as CSV (coordinators); every export is in the audit trail. */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/applications/export");
  if (response) return response;
  const { csv, count } = await exportApplications(viewer, parseApplicationQuery(new URL(request.url).searchParams));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aanmeldingen-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Row-Count": String(count),
    },
  });
});
