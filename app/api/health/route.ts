import { RETRY_AFTER_SECONDS } from "@/lib/http/when-database-down";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers and is fully migrated. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(
    {
      status: health.ok ? "ok" : "unavailable",
      database: { reachable: health.reachable, migrationsCurrent: health.ok, pendingMigrations: health.pendingMigrations },
    },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(health.ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) } },
  );
}
