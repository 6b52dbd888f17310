import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExclusive } from "@/lib/jobs/run-exclusive";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("exclusive background jobs", () => {
  it("run once at a time across concurrent callers, and record their result", async () => {
    let running = 0;
    let maxRunning = 0;
    const work = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 200));
      running--;
      return { done: 1 };
    };
    const results = await Promise.all([runExclusive(db.prisma, "demo", work), runExclusive(db.prisma, "demo", work)]);
    expect(maxRunning).toBe(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const runs = await db.query<{ job: string; result: unknown; finished: boolean }>(`SELECT job, result, "finishedAt" IS NOT NULL AS finished FROM "JobRun"`);
    expect(runs).toEqual([{ job: "demo", result: { done: 1 }, finished: true }]);
    expect(await runExclusive(db.prisma, "demo", async () => ({ again: true }))).toEqual({ again: true });
  });

  it("take over a lease that a crashed instance left behind", async () => {
    await db.query(`INSERT INTO "JobLease" (job, holder, "expiresAt") VALUES ('stale', 'dead', now() - interval '1 minute')`);
    expect(await runExclusive(db.prisma, "stale", async () => ({ ok: true }))).toEqual({ ok: true });
    await db.query(`INSERT INTO "JobLease" (job, holder, "expiresAt") VALUES ('held', 'other', now() + interval '1 hour')`);
    expect(await runExclusive(db.prisma, "held", async () => ({ ok: true }))).toBeNull();
  });
});
