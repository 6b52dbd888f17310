import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/config-error";
import type { SqlConnection } from "./sql-connection";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so a deployment that can run
 * Prisma's own engine may switch to it (docs/decisions/002-migrations.md).
 */

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

/** The key `prisma migrate` itself takes, so our runner and Prisma's exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function readMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  // Read at run time from the deployment's prisma/ folder (copied into the standalone build by
  // outputFileTracingIncludes in next.config.js), not traced by the bundler.
  return fs
    .readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(/* turbopackIgnore: true */ path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function appliedRows(conn: Pick<SqlConnection, "query">): Promise<AppliedRow[] | null> {
  const [exists] = await conn.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!exists?.exists) return null;
  return conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

/** The names of migrations not yet applied; throws on a failed or edited migration. */
export async function pendingMigrations(conn: Pick<SqlConnection, "query">, files = readMigrationFiles()): Promise<string[]> {
  const rows = (await appliedRows(conn)) ?? [];
  const done = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new ConfigError(
        `Migration ${row.migration_name} failed earlier and is marked unfinished in _prisma_migrations; repair the database, then mark it rolled back or applied.`,
      );
    }
    done.set(row.migration_name, row);
  }
  for (const file of files) {
    const row = done.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new ConfigError(
        `Migration ${file.name} was changed after it was applied; restore its original migration.sql and add a new migration instead.`,
      );
    }
  }
  return files.filter((file) => !done.has(file.name)).map((file) => file.name);
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrate(
  conn: SqlConnection,
  { files = readMigrationFiles(), log = (_: string) => {} }: { files?: MigrationFile[]; log?: (line: string) => void } = {},
): Promise<string[]> {
  await conn.exec(CREATE_TABLE);
  await conn.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    const pending = new Set(await pendingMigrations(conn, files));
    const applied: string[] = [];
    for (const file of files.filter((f) => pending.has(f.name))) {
      await conn.exec("BEGIN");
      try {
        await conn.exec(file.sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [crypto.randomUUID(), file.checksum, file.name],
        );
        await conn.exec("COMMIT");
      } catch (error) {
        await conn.exec("ROLLBACK");
        throw new ConfigError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(file.name);
      log(`applied ${file.name}`);
    }
    return applied;
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
  }
}
