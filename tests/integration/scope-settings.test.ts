// A scoped transaction's role and settings (lib/db/scope.ts): on PostgreSQL they travel with the
// BEGIN (lib/db/transaction-opening.ts), on the embedded database as the first statement. Either
// way every statement of the transaction runs under them, concurrent scopes on one pool each see
// their own, and nothing of them is left on the connection afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope, statementInScope, sqlLiteral, type DbScope } from "@/lib/db/scope";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await db.drop();
});

interface Seen {
  role: string;
  subareas: string;
  user: string;
  mailbox: string;
}
const seen = (scope: DbScope) =>
  inScope(db.prisma, scope, async (tx) => {
    // Two statements: the settings hold for every statement of the transaction, not only the first.
    await tx.$queryRaw`SELECT 1`;
    const [row] = await tx.$queryRaw<Seen[]>`SELECT current_user::text AS role, current_setting('app.subarea_ids', true) AS subareas,
      current_setting('app.user_id', true) AS "user", current_setting('app.mailbox', true) AS mailbox`;
    return row!;
  });

describe("scope settings", () => {
  it("puts each concurrent scope under its own role and settings, and leaves none on the connection", async () => {
    const scopes: DbScope[] = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? { role: "coordinator", userId: `coord-${i}` } : i % 3 === 1 ? { role: "contact", userId: `contact-'${i}\\`, subareaIds: [i, i + 1], mailbox: `box${i}@example.org` } : { role: "service" },
    );
    const results = await Promise.all(scopes.map(seen));
    results.forEach((r, i) => {
      const scope = scopes[i]!;
      expect(r.role).toBe({ service: "buurt_service", coordinator: "buurt_coordinator", contact: "buurt_contact", resident: "buurt_resident" }[scope.role]);
      expect(r.user).toBe("userId" in scope ? scope.userId : "");
      expect(r.subareas).toBe(scope.role === "contact" ? `${scope.subareaIds.join(",")}` : "");
      expect(r.mailbox).toBe(scope.role === "contact" ? scope.mailbox : "");
    });
    const after = await Promise.all(Array.from({ length: 6 }, () => db.query<{ role: string; user: string | null }>(`SELECT current_user::text AS role, current_setting('app.user_id', true) AS "user"`)));
    for (const [row] of after) {
      expect(row!.role).not.toMatch(/^buurt_(service|coordinator|contact|resident)$/);
      expect(row!.user ?? "").toBe("");
    }
  });

  it("gives a one-message read its scope's settings and leaves none on the connection", async () => {
    const reads = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        statementInScope<{ role: string; user: string; probe: string }>(db, { role: "coordinator", userId: `reader-'${i}` }, `SELECT current_user::text AS role, current_setting('app.user_id') AS "user", ${sqlLiteral(`it's; ${i}`)} AS probe`),
      ),
    );
    reads.forEach(([row], i) => expect(row).toEqual({ role: "buurt_coordinator", user: `reader-'${i}`, probe: `it's; ${i}` }));
    const after = await Promise.all(Array.from({ length: 6 }, () => db.query<{ role: string; user: string | null }>(`SELECT current_user::text AS role, current_setting('app.user_id', true) AS "user"`)));
    for (const [row] of after) {
      expect(row!.role).not.toBe("buurt_coordinator");
      expect(row!.user ?? "").toBe("");
    }
  });

  it("keeps the isolation level a transaction asks for, with the settings", async () => {
    const level = await inScope(db.prisma, { role: "coordinator", userId: "c1" }, async (tx) => {
      const [row] = await tx.$queryRaw<{ level: string; user: string }[]>`SELECT current_setting('transaction_isolation') AS level, current_setting('app.user_id') AS "user"`;
      return row!;
    }, { isolationLevel: "Serializable" });
    expect(level.user).toBe("c1");
    // The embedded database has one connection and its adapter sets the level outside the transaction.
    if (testDbKind() === "postgres") expect(level.level).toBe("serializable");
  });

  it.runIf(testDbKind() === "postgres")("sends the settings with the BEGIN on PostgreSQL, not as a statement of their own", async () => {
    statements.length = 0;
    await seen({ role: "service" });
    expect(statements.filter((sql) => sql.includes("set_config"))).toEqual([]);
  });
});
