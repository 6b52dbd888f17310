import "server-only";
import { database } from "../db";
import { databaseHealth, type DatabaseHealth } from "../db/health";

/** The app's database, reachable and fully migrated? Never throws. */
export async function checkHealth(): Promise<DatabaseHealth & { ok: boolean }> {
  const health = await database().then(databaseHealth, () => ({
    reachable: false,
    pendingMigrations: [] as string[],
    problem: "database unavailable",
  }));
  return { ...health, ok: health.reachable && health.pendingMigrations.length === 0 && !health.problem };
}
