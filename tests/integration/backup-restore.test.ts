// Backups as docs/backup.md describes them, restored and compared row for row: pg_dump -Fc /
// pg_restore into a new database on PostgreSQL; a copy of the data folder for the embedded
// database. The restored database keeps its row-level security: a contact person's scope
// still sees only their own subarea.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { inScope } from "@/lib/db/scope";
import { wrapPglite } from "@/lib/db/sql-connection";
import { seedDemo } from "@/prisma/seed/seed";
import { publicTables } from "../helpers/database-snapshot";
import { databaseUrl, withAdmin } from "../helpers/postgres-admin";
import { createTestDatabase, testDbKind } from "../helpers/test-database";

type Query = Database["query"];

/** Per table: row count and an md5 over every row, in a stable order. */
async function fingerprint(query: Query): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of await publicTables(query)) {
    const [row] = await query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${table}" t`,
    );
    out[table] = row!;
  }
  return out;
}

/** The row-level security that must survive a restore: policies, FORCE flags, column grants. */
async function securityOf(query: Query) {
  return {
    policies: await query(`SELECT tablename, policyname, roles::text, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`),
    forced: await query(`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`),
    contactColumns: await query(
      `SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges WHERE grantee = 'buurt_contact' ORDER BY 1, 2, 3`,
    ),
  };
}

/** What a contact person's scope sees: proof that the policies work on the restored data. */
async function contactView(db: Database) {
  return inScope(db.prisma, { role: "contact", userId: "x", subareaIds: [1] }, async (tx) => ({
    applications: await tx.application.count(),
    subareas: await tx.subarea.count(),
    otherSubareas: await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Application" WHERE "subareaId" <> 1`,
  }));
}

const kind = testDbKind();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe.runIf(kind === "postgres")("a PostgreSQL backup made with pg_dump -Fc", () => {
  let original: Database;
  let restored: Database;

  beforeAll(async () => {
    const source = await createTestDatabase();
    original = source;
    cleanup.push(() => source.drop());
    await seedDemo(original.prisma);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-backup-"));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "buurt.dump");
    execFileSync("pg_dump", ["--format=custom", `--file=${file}`, source.url!], { stdio: "pipe" });
    const copy = `${new URL(source.url!).pathname.slice(1)}_restored`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${copy}"`));
    cleanup.push(() => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`)).then(() => {}));
    execFileSync("pg_restore", ["--exit-on-error", `--dbname=${databaseUrl(copy)}`, file], { stdio: "pipe" });
    restored = await createDatabase({ kind: "postgres", url: databaseUrl(copy), host: "", database: copy }, { poolSize: 2 });
    cleanup.push(() => restored.close());
  });

  it("restores into a new database with the same rows in every table", async () => {
    const before = await fingerprint(original.query);
    expect(before.Application!.rows).toBeGreaterThan(100);
    expect(before._prisma_migrations!.rows).toBeGreaterThan(3);
    expect(await fingerprint(restored.query)).toEqual(before);
  });

  it("keeps the row-level security policies and column grants, and they still work", async () => {
    expect(await securityOf(restored.query)).toEqual(await securityOf(original.query));
    const view = await contactView(restored);
    expect(view).toEqual(await contactView(original));
    expect(view.otherSubareas).toEqual([{ n: 0 }]);
    expect(view.subareas).toBe(1);
    expect(view.applications).toBeGreaterThan(0);
  });
});

describe.runIf(kind === "embedded")("an embedded backup made by copying the data folder", () => {
  // A data folder on disk is slower than the in-memory test databases: migrating and seeding take a while.
  it("opens as the same database, with the same rows and policies", { timeout: 180_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-data-"));
    cleanup.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    const live = path.join(root, "live", "pglite");
    const backup = path.join(root, "backup", "pglite");

    const pglite = await openEmbedded(live);
    await migrate(wrapPglite(pglite, false));
    const original = await createDatabase({ kind: "embedded-instance", pglite });
    await seedDemo(original.prisma);
    const before = { rows: await fingerprint(original.query), security: await securityOf(original.query), view: await contactView(original) };
    // Stop the app (here: close the database), then copy the folder.
    await original.close();
    await pglite.close();
    fs.cpSync(path.join(root, "live"), path.join(root, "backup"), { recursive: true });

    const copy = await createDatabase({ kind: "embedded", dataDir: backup });
    try {
      expect(before.rows.Application!.rows).toBeGreaterThan(100);
      expect(await fingerprint(copy.query)).toEqual(before.rows);
      expect(await securityOf(copy.query)).toEqual(before.security);
      expect(await contactView(copy)).toEqual(before.view);
      expect(before.view.otherSubareas).toEqual([{ n: 0 }]);
      expect(before.view.subareas).toBe(1);
      expect(before.view.applications).toBeGreaterThan(0);
    } finally {
      await copy.close();
    }
  });
});
