import { ConfigError } from "../config/config-error";
import { pendingMigrations } from "./migrations";
import type { SqlConnection } from "./sql-connection";

export interface DatabaseHealth {
  reachable: boolean;
  pendingMigrations: string[];
  problem?: string;
}

/** Reachable and fully migrated? Never throws: the health endpoint reports, it does not crash. */
export async function databaseHealth(conn: Pick<SqlConnection, "query">): Promise<DatabaseHealth> {
  try {
    await conn.query("SELECT 1");
  } catch {
    return { reachable: false, pendingMigrations: [], problem: "database unreachable" };
  }
  try {
    return { reachable: true, pendingMigrations: await pendingMigrations(conn) };
  } catch (error) {
    return {
      reachable: true,
      pendingMigrations: [],
      problem: error instanceof ConfigError ? error.message : "migration state unreadable",
    };
  }
}
