// The second wall: PostgreSQL itself hides other subareas' rows and forbidden columns, even
// when the application forgets its own `where` — on the embedded database and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope, type DbScope } from "@/lib/db/scope";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let sub1: number;
let sub2: number;
const run = <T>(scope: DbScope, fn: Parameters<typeof inScope<T>>[2]) => inScope(s.db.prisma, scope, fn);

beforeAll(async () => {
  s = await createSeededDatabase();
  [sub1, sub2] = s.subareaIds as [number, number];
});
afterAll(() => s.db.drop());

const contact = (subareaIds: number[]): DbScope => ({ role: "contact", userId: "test", subareaIds });

describe("row-level security for a contact person", () => {
  it("returns only their subarea's visible rows from a query with no where at all", async () => {
    const rows = await run(contact([sub1]), (tx) => tx.application.findMany({ select: { id: true, subareaId: true, status: true, inGroup: true } }));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.subareaId).toBe(sub1);
      expect(["ASSIGNED", "ADDED", "UNREACHABLE"].includes(row.status) || row.inGroup).toBe(true);
    }
    const expected = await s.service((tx) =>
      tx.application.count({
        where: { subareaId: sub1, OR: [{ status: { in: ["ASSIGNED", "ADDED", "UNREACHABLE"] } }, { inGroup: true, status: { in: ["LEFT", "WITHDRAWN", "REJECTED"] } }] },
      }),
    );
    expect(rows.length).toBe(expected);
  });

  it("also hides rows reached through a relation", async () => {
    const subareas = await run(contact([sub1]), (tx) =>
      tx.subarea.findMany({ select: { id: true, applications: { select: { id: true, subareaId: true } } } }),
    );
    expect(subareas.map((x) => x.id)).toEqual([sub1]);
    expect(subareas[0]!.applications.every((a) => a.subareaId === sub1)).toBe(true);
  });

  it("cannot read an address, e-mail or note column at all", async () => {
    for (const select of [{ street: true }, { email: true }, { notes: true }, { postcode: true }] as const) {
      await expect(run(contact([sub1]), (tx) => tx.application.findFirst({ select }))).rejects.toThrow(/permission denied/);
    }
  });

  it("cannot change another subarea's row, nor read the expansion requests, messages or audit trail", async () => {
    const foreign = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ASSIGNED" }, select: { id: true } }));
    const updated = await run(contact([sub1]), (tx) => tx.application.updateMany({ where: { id: foreign.id }, data: { status: "ADDED" } }));
    expect(updated.count).toBe(0);
    await expect(run(contact([sub1]), (tx) => tx.message.findMany())).rejects.toThrow(/permission denied/);
    await expect(run(contact([sub1]), (tx) => tx.expansionRequest.findMany())).rejects.toThrow(/permission denied/);
    await expect(run(contact([sub1]), (tx) => tx.auditEvent.findMany())).rejects.toThrow(/permission denied/);
  });

  it("sees nothing with no subareas", async () => {
    expect(await run(contact([]), (tx) => tx.application.count())).toBe(0);
    expect(await run(contact([]), (tx) => tx.subarea.count())).toBe(0);
  });
});

describe("row-level security for the other roles", () => {
  it("lets a resident's private link see only their own application", async () => {
    const mine = await s.service((tx) => tx.application.findFirstOrThrow({ select: { id: true } }));
    const rows = await run({ role: "resident", applicationId: mine.id }, (tx) => tx.application.findMany({ select: { id: true, street: true } }));
    expect(rows.map((r) => r.id)).toEqual([mine.id]);
    await expect(run({ role: "resident", applicationId: mine.id }, (tx) => tx.application.findFirst({ select: { notes: true } }))).rejects.toThrow(/permission denied/);
  });

  it("lets a coordinator see everything but not rewrite the audit trail", async () => {
    const total = await s.service((tx) => tx.application.count());
    expect(await run({ role: "coordinator", userId: "c" }, (tx) => tx.application.count())).toBe(total);
    await expect(run({ role: "coordinator", userId: "c" }, (tx) => tx.auditEvent.deleteMany({}))).rejects.toThrow(/permission denied/);
  });

  it("does not carry a scope over to the next transaction on the same connection", async () => {
    // Touch every pooled connection with a scope, then look at each again outside one.
    await Promise.all(Array.from({ length: 8 }, () => run(contact([sub1]), (tx) => tx.application.count())));
    const rows = await Promise.all(
      Array.from({ length: 8 }, () =>
        s.db.query<{ role: string; subareas: string | null }>(`SELECT current_user AS role, current_setting('app.subarea_ids', true) AS subareas`),
      ),
    );
    for (const [row] of rows) {
      expect(row!.role).not.toMatch(/^buurt_/);
      expect(row!.subareas ?? "").toBe("");
    }
  });
});
