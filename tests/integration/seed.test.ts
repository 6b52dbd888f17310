import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { DEMO_APPLICATIONS, seedDemo } from "@/prisma/seed/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

describe("the demo seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma);
  });
  afterAll(() => db.drop());

  it("loads Dieren-West: four northern subareas with groups, the south without", async () => {
    const subareas = await inScope(db.prisma, { role: "service" }, (tx) =>
      tx.subarea.findMany({ orderBy: { id: "asc" }, include: { rules: true, contacts: { include: { user: true } } } }),
    );
    expect(subareas.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "PROPOSED"]);
    expect(subareas.slice(0, 4).map((s) => s.contacts.map((c) => c.user.email))).toEqual([
      ["contact-1@example.org"], ["contact-2@example.org"], ["contact-3@example.org"], ["contact-4@example.org"],
    ]);
    expect(subareas[4]!.contacts).toEqual([]);
    expect(subareas.every((s) => s.rules.length > 0)).toBe(true);
  });

  it("has a coordinator and applications in every status", async () => {
    const { coordinators, byStatus, total } = await inScope(db.prisma, { role: "service" }, async (tx) => ({
      coordinators: await tx.user.findMany({ where: { role: "COORDINATOR" }, select: { email: true } }),
      byStatus: await tx.application.groupBy({ by: ["status"], _count: true }),
      total: await tx.application.count(),
    }));
    expect(coordinators).toEqual([{ email: "coordinator@example.org" }]);
    expect(total).toBe(DEMO_APPLICATIONS);
    expect(byStatus.map((s) => s.status).sort()).toEqual(
      ["ADDED", "ASSIGNED", "LEFT", "NEW", "REJECTED", "UNREACHABLE", "WAITING", "WITHDRAWN"],
    );
  });

  it("keeps every waiting application on the subarea without a group, and every assigned one on an active subarea", async () => {
    const rows = await inScope(db.prisma, { role: "service" }, (tx) =>
      tx.application.findMany({ select: { status: true, subarea: { select: { status: true } }, suggestedSubarea: { select: { status: true } } } }),
    );
    const waiting = rows.filter((row) => row.status === "WAITING");
    const placed = rows.filter((row) => row.status === "ASSIGNED" || row.status === "ADDED");
    expect(waiting.length).toBeGreaterThan(0);
    expect(placed.length).toBeGreaterThan(0);
    expect(new Set(waiting.map((row) => row.suggestedSubarea?.status))).toEqual(new Set(["PROPOSED"]));
    expect(new Set(placed.map((row) => row.subarea?.status))).toEqual(new Set(["ACTIVE"]));
  });

  it("refuses to seed a database that already has data", async () => {
    await expect(seedDemo(db.prisma)).rejects.toThrow(/already holds data/);
  });
});

describe("the seed at scale", () => {
  it("inserts applications in batches with unique mobile numbers", async () => {
    const db = await createTestDatabase();
    try {
      await seedDemo(db.prisma, { applications: 12_345 });
      const [row] = await db.query<{ total: bigint; numbers: bigint; events: bigint }>(
        `SELECT count(*) AS total, count(DISTINCT mobile) AS numbers, (SELECT count(*) FROM "ApplicationEvent") AS events FROM "Application"`,
      );
      expect(Number(row!.total)).toBe(12_345);
      expect(Number(row!.numbers)).toBe(12_345);
      expect(Number(row!.events)).toBe(12_345);
    } finally {
      await db.drop();
    }
  });
});
