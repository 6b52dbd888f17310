import { ConfigError } from "../config/config-error";
import type { Database } from "./client";
import { describeTarget, type DatabaseTarget } from "./config";
import { pendingMigrations } from "./migrations";
import { connectSql } from "./sql-connection";

/**
 * Before serving or seeding: the database answers and every migration is applied.
 * Throws a ConfigError with one sentence otherwise.
 */
export async function assertDatabaseReady(db: Database, target: DatabaseTarget): Promise<void> {
  // A direct connection first: the driver's own error ("ECONNREFUSED", "database … does not
  // exist") makes a far better sentence than the ORM's.
  if (target.kind === "postgres") await (await connectSql(target)).close();
  const pending = await pendingMigrations(db);
  if (pending.length > 0) {
    throw new ConfigError(
      `${describeTarget(target)} has ${pending.length} pending migration(s) (${pending.join(", ")}); run: npm run db:migrate`,
    );
  }
}
