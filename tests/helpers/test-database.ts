/**
 * A throwaway, migrated database per test file, on the kind chosen by TEST_DB:
 * "embedded" → an in-memory PGlite; "postgres" → a copy of the migrated template database
 * that tests/helpers/postgres-global-setup.ts made for this run.
 */
import crypto from "node:crypto";
import { inject } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { createDatabase, type Database } from "@/lib/db/client";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { connectSql, wrapPglite, type SqlConnection } from "@/lib/db/sql-connection";
import { databaseUrl, withAdmin } from "./postgres-admin";

export type TestDbKind = "embedded" | "postgres";

export interface TestDatabase extends Database {
  /** A plain SQL connection (several statements per call), for the migration runner. */
  sql(): Promise<SqlConnection>;
  /** For postgres: the URL of this test's database (for a second connection, or a server). */
  url?: string;
  drop(): Promise<void>;
}

export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB ?? "embedded";
  if (kind !== "embedded" && kind !== "postgres") throw new Error(`TEST_DB must be embedded or postgres, not ${kind}`);
  return kind;
}

// One migrated PGlite image per worker; each test database starts from a copy of it.
let embeddedImage: Promise<Blob> | undefined;

async function migratedPglite(): Promise<PGlite> {
  embeddedImage ??= (async () => {
    const seedDb = await openEmbedded();
    await migrate(wrapPglite(seedDb, false));
    const image = await seedDb.dumpDataDir("none");
    await seedDb.close();
    return image;
  })();
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = new PGlite({ loadDataDir: await embeddedImage, extensions: { pg_trgm } });
  await db.waitReady;
  return db;
}

/** A fresh database; `migrated: false` gives an empty one (for the migration runner's own tests). */
export async function createTestDatabase(
  { kind = testDbKind(), migrated = true, onQuery }: { kind?: TestDbKind; migrated?: boolean; onQuery?: (sql: string, params: string) => void } = {},
): Promise<TestDatabase> {
  if (kind === "embedded") {
    const pglite = migrated ? await migratedPglite() : await openEmbedded();
    const db = await createDatabase({ kind: "embedded-instance", pglite }, { onQuery });
    return Object.assign(db, {
      sql: async () => wrapPglite(pglite, false),
      async drop() {
        await db.close();
        await pglite.close();
      },
    });
  }
  const template = inject("pgTemplate");
  if (!template) throw new Error("No template database: run the postgres project through vitest.config.ts");
  const name = `buurt_test_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"${migrated ? ` TEMPLATE "${template}"` : ""}`));
  const url = databaseUrl(name);
  const db = await createDatabase({ kind: "postgres", url, host: "", database: name }, { poolSize: 4, onQuery });
  return Object.assign(db, {
    url,
    sql: () => connectSql({ kind: "postgres", url, host: "", database: name }),
    async drop() {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  });
}
