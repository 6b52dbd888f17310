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
    // A latch, not a time window: the job that got the lease stays inside `work` until the other
    // caller has been answered, however slow the database is. Should both get in, the second
    // entry opens the latch at once, so the test fails on its assertions instead of timing out.
    let release!: () => void;
    const latch = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let running = 0;
    let entries = 0;
    let maxRunning = 0;
    const work = async () => {
      entries++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      entered();
      if (running > 1) release();
      await latch;
      running--;
      return { done: 1 };
    };
    const first = runExclusive(db.prisma, "demo", work);
    const second = runExclusive(db.prisma, "demo", work);
    // The holder cannot finish before the latch opens, so whichever answers first was refused.
    expect(await Promise.race([first, second])).toBeNull();
    await inside;
    expect(entries).toBe(1);
    release();
    const results = await Promise.all([first, second]);
    expect(maxRunning).toBe(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r !== null)).toEqual([{ done: 1 }]);
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
