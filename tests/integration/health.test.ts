import { afterEach, describe, expect, it } from "vitest";
import { databaseHealth } from "@/lib/db/health";
import { readMigrationFiles } from "@/lib/db/migrations";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("database health", () => {
  it("is healthy when migrated", async () => {
    db = await createTestDatabase();
    expect(await databaseHealth(db)).toEqual({ reachable: true, pendingMigrations: [] });
  });

  it("lists pending migrations on an empty database", async () => {
    db = await createTestDatabase({ migrated: false });
    const health = await databaseHealth(db);
    expect(health.reachable).toBe(true);
    expect(health.pendingMigrations).toEqual(readMigrationFiles().map((f) => f.name));
    expect(health.pendingMigrations.length).toBeGreaterThanOrEqual(2);
  });

  it("reports an unreachable database instead of throwing", async () => {
    const health = await databaseHealth({ query: () => Promise.reject(new Error("connection refused")) });
    expect(health).toEqual({ reachable: false, pendingMigrations: [], problem: "database unreachable" });
  });
});
