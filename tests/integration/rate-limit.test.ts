import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { consumeRateLimit, consumeRateLimits, consumeRateLimitsAlone } from "@/lib/rate-limit/consume-rate-limit";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const rule = { name: "test", limit: 3, windowMs: 60_000 };
const consume = (subject: string, now: Date) => inScope(db.prisma, { role: "service" }, (tx) => consumeRateLimit(tx, rule, subject, now));

describe("database rate limits", () => {
  it("allows the limit, refuses the next with the seconds to wait, and resets after the window", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 3; i++) expect((await consume("a@example.org", t0)).allowed).toBe(true);
    expect(await consume("a@example.org", new Date(t0.getTime() + 15_000))).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await consume("b@example.org", t0)).allowed).toBe(true);
    expect((await consume("a@example.org", new Date(t0.getTime() + 60_001))).allowed).toBe(true);
  });

  it("counts concurrent attempts exactly (shared by every app instance)", async () => {
    const t0 = new Date("2026-01-02T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 10 }, () => consume("burst", t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("counts several rules in one statement, each against its own limit, answering in the order asked", async () => {
    const t0 = new Date("2026-01-03T10:00:00Z");
    const once = { name: "once", limit: 1, windowMs: 30_000 };
    const both = () => inScope(db.prisma, { role: "service" }, (tx) => consumeRateLimits(tx, [{ rule, subject: "c" }, { rule: once, subject: "c" }], t0));
    expect(await both()).toEqual([{ allowed: true, retryAfterSeconds: 0 }, { allowed: true, retryAfterSeconds: 0 }]);
    expect(await both()).toEqual([{ allowed: true, retryAfterSeconds: 0 }, { allowed: false, retryAfterSeconds: 30 }]);
    expect(await both()).toEqual([{ allowed: true, retryAfterSeconds: 0 }, { allowed: false, retryAfterSeconds: 30 }]);
    expect(await both()).toEqual([{ allowed: false, retryAfterSeconds: 60 }, { allowed: false, retryAfterSeconds: 30 }]);
    // Each row keeps its own window.
    expect((await consume("c", new Date(t0.getTime() + 59_000))).allowed).toBe(false);
    await expect(inScope(db.prisma, { role: "service" }, (tx) => consumeRateLimits(tx, [{ rule, subject: "d" }, { rule, subject: "d" }], t0))).rejects.toThrow(/one row/);
  });

  it("counts standing alone in one round trip as in a transaction, committed, exact under concurrency", async () => {
    const t0 = new Date("2026-01-04T10:00:00Z");
    const alone = (subject: string, now = t0) => consumeRateLimitsAlone(db, [{ rule, subject }], now).then(([verdict]) => verdict!);
    const results = await Promise.all(Array.from({ length: 8 }, () => alone("alone")));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    // The same row as consumeRateLimit counts: both paths share one limit.
    expect(await consume("alone", new Date(t0.getTime() + 20_000))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await alone("alone", new Date(t0.getTime() + 59_500))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await alone("alone", new Date(t0.getTime() + 60_000))).allowed).toBe(true);
    // A subject with quotes and a backslash is a value, not SQL.
    expect((await alone("x'); DROP TABLE \"RateLimit\"; --\\")).allowed).toBe(true);
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RateLimit"`))[0]!.n).toBeGreaterThan(0);
  });

  it("stores the subject only as a keyed hash", async () => {
    const rows = await db.query<{ key: string }>(`SELECT key FROM "RateLimit"`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes("example.org") || r.key.includes("burst"))).toBe(false);
  });
});
