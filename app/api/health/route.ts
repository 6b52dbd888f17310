import { database } from "@/lib/db";
import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers and is fully migrated. */
export async function GET(): Promise<Response> {
  const health = await database().then(databaseHealth, () => ({
    reachable: false,
    pendingMigrations: [] as string[],
    problem: "database unavailable",
  }));
  const ok = health.reachable && health.pendingMigrations.length === 0 && !health.problem;
  return Response.json(
    {
      status: ok ? "ok" : "unavailable",
      database: { reachable: health.reachable, migrationsCurrent: ok, pendingMigrations: health.pendingMigrations },
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
