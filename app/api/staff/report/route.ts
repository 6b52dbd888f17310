import { requireApi } from "@/lib/auth/guards";
import { isLocale } from "@/lib/i18n/locales";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";
import { reportFile } from "@/lib/report/report-files";
import { parseReportPeriod } from "@/lib/report/report-period";

export const dynamic = "force-dynamic";

/**
 * The report for the municipality and the police (coordinators): `format=pdf` (default) or
 * `format=xlsx`, `lang=nl|en` (default nl), the period as on the page (`months` or `from`/`to`,
 * see lib/report/report-period.ts; nonsense falls back, never an error). Audited.
 */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/report");
  if (response) return response;
  const params = new URL(request.url).searchParams;
  const lang = params.get("lang");
  const { bytes, name, type } = await reportFile(viewer, parseReportPeriod(params), isLocale(lang) ? lang : "nl", params.get("format") === "xlsx" ? "xlsx" : "pdf");
  return new Response(new Uint8Array(bytes), {
    headers: { "Cache-Control": "no-store", "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"` },
  });
});
