import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/config-error";
import { migrate, pendingMigrations, readMigrationFiles } from "@/lib/db/migrations";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("migration runner", () => {
  it("applies every migration once and records it as prisma migrate deploy does", async () => {
    db = await createTestDatabase({ migrated: false });
    const conn = await db.sql();
    const files = readMigrationFiles();
    expect(await pendingMigrations(conn)).toEqual(files.map((f) => f.name));

    expect(await migrate(conn)).toEqual(files.map((f) => f.name));
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number; id: string }>(
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(crypto.createHash("sha256").update(files[i]!.sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Prisma's own table layout, so `prisma migrate deploy` can take over.
    const columns = await conn.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
      "id:character varying", "checksum:character varying", "finished_at:timestamp with time zone",
      "migration_name:character varying", "logs:text", "rolled_back_at:timestamp with time zone",
      "started_at:timestamp with time zone", "applied_steps_count:integer",
    ]);

    expect(await migrate(conn)).toEqual([]);
    expect(await pendingMigrations(conn)).toEqual([]);
    await conn.close();
  });

  it("refuses a migration that was edited after it was applied", async () => {
    db = await createTestDatabase({ migrated: false });
    const conn = await db.sql();
    await migrate(conn);
    const edited = readMigrationFiles().map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(pendingMigrations(conn, edited)).rejects.toThrow(/was changed after it was applied/);
    await conn.close();
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    db = await createTestDatabase({ migrated: false });
    const conn = await db.sql();
    await migrate(conn);
    const broken = {
      name: "29991231000000_broken",
      sql: `CREATE TABLE "Half" (id INT); SELECT * FROM "DoesNotExist";`,
      checksum: "x".repeat(64),
    };
    const error = await migrate(conn, { files: [...readMigrationFiles(), broken] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/29991231000000_broken failed and was rolled back/);
    expect(await conn.query(`SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
    expect(await conn.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name])).toEqual([]);
    await conn.close();
  });

  it("splits the house-number additions stored before letters had their own column, as the parser splits typed ones", async () => {
    db = await createTestDatabase({ migrated: false });
    const conn = await db.sql();
    const files = readMigrationFiles();
    const at = files.findIndex((f) => f.name === "20261130150001_house_letter");
    await migrate(conn, { files: files.slice(0, at) });
    const old = ["a", "A", "A-2", "b 3", "c2", "bis", "-2", "2", "hs", "ab", null];
    for (const [i, suffix] of old.entries()) {
      await conn.query(
        `INSERT INTO "Application" (name, mobile, street, "houseNumber", "houseNumberSuffix", postcode, "rulesVersion", "rulesAcceptedAt", "updatedAt")
         VALUES ('x', $1, 'Kerkstraat', 12, $2, '6951AB', '1', now(), now())`,
        [`+3161234${String(i).padStart(4, "0")}`, suffix],
      );
    }
    await migrate(conn);
    const rows = await conn.query<{ houseLetter: string | null; houseNumberSuffix: string | null }>(`SELECT "houseLetter", "houseNumberSuffix" FROM "Application" ORDER BY mobile`);
    expect(rows.map((r) => [r.houseLetter, r.houseNumberSuffix])).toEqual([
      ["A", null], ["A", null], ["A", "2"], ["B", "3"], ["C", "2"], [null, "BIS"], [null, "2"], [null, "2"], [null, "HS"], [null, "AB"], [null, null],
    ]);
    // The same answers as the parser gives for "12" + each old addition.
    const { parseHouseNumber } = await import("@/lib/applications/parse-house-number");
    for (const [i, suffix] of old.entries()) {
      const parsed = parseHouseNumber("12", suffix ?? "");
      expect(parsed.ok && [parsed.houseLetter, parsed.houseNumberSuffix]).toEqual([rows[i]!.houseLetter, rows[i]!.houseNumberSuffix]);
    }
    await conn.close();
  });
});
