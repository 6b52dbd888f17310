// The database wall without the application: raw SQL under each scope's role and settings,
// with none of lib/access's filters, must still be refused where the role has no business
// (prisma/migrations/*_database_wall, docs/decisions/011-database-login-role.md). On the
// embedded database and on PostgreSQL; the login as the app role itself on PostgreSQL only.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayTransition } from "@/lib/applications/status-machine";
import { createDatabase } from "@/lib/db/client";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { inScope, type DbScope } from "@/lib/db/scope";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";
import { withAdmin } from "../helpers/postgres-admin";

const STATUSES: ApplicationStatus[] = ["NEW", "WAITING", "ASSIGNED", "ADDED", "UNREACHABLE", "LEFT", "REJECTED", "WITHDRAWN"];
const MAILBOX = "mailbox@example.org";

let s: Seeded;
let sub1: number;
let contactId: string;
let coordinatorId: string;
let row: number;

/** One raw statement in a scope; resolves to the number of rows it touched, or rejects. */
const raw = (scope: DbScope, sql: string, ...params: unknown[]) => inScope(s.db.prisma, scope, (tx) => tx.$executeRawUnsafe(sql, ...params));
const contact = (): DbScope => ({ role: "contact", userId: contactId, subareaIds: [sub1], mailbox: MAILBOX });
const coordinator = (): DbScope => ({ role: "coordinator", userId: coordinatorId });
const resident = (applicationId = row): DbScope => ({ role: "resident", applicationId });
/** Puts the test row in a state, as the service role. */
const arrange = (data: { status: ApplicationStatus; inGroup: boolean; notes?: string | null }) =>
  s.service((tx) => tx.application.update({ where: { id: row }, data: { subareaId: sub1, anonymisedAt: null, ...data }, select: { id: true } }));

/** Every status change `scope` gets through with a bare UPDATE, as "FROM>TO", from a row in the subarea. */
async function transitionsMade(scope: DbScope, inGroup: boolean): Promise<string[]> {
  const made: string[] = [];
  for (const from of STATUSES) {
    for (const to of STATUSES.filter((t) => t !== from)) {
      await arrange({ status: from, inGroup });
      const done = await raw(scope, `UPDATE "Application" SET status = $1::"ApplicationStatus" WHERE id = $2`, to, row).catch(() => 0);
      if (done === 1) made.push(`${from}>${to}`);
    }
  }
  return made;
}

beforeAll(async () => {
  s = await createSeededDatabase({ applications: 40 });
  sub1 = s.subareaIds[0]!;
  contactId = (await s.contact(1)).userId;
  coordinatorId = s.coordinator.userId;
  row = (await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1 }, select: { id: true } }))).id;
});
afterAll(() => s?.db.drop());

describe("a contact person's status change", () => {
  it("is allowed by the database exactly where the status machine allows it", async () => {
    const expected = STATUSES.flatMap((from) => STATUSES.filter((to) => mayTransition(from, to, { role: "CONTACT_PERSON" })).map((to) => `${from}>${to}`));
    expect(await transitionsMade(contact(), true)).toEqual(expected);
  });

  it("puts someone in the group only by adding them, and takes them out only when they left", async () => {
    await arrange({ status: "ASSIGNED", inGroup: false });
    await expect(raw(contact(), `UPDATE "Application" SET "inGroup" = true WHERE id = $1`, row)).rejects.toThrow(/group flag/);
    await arrange({ status: "ADDED", inGroup: true });
    await expect(raw(contact(), `UPDATE "Application" SET "inGroup" = false WHERE id = $1`, row)).rejects.toThrow(/group flag/);
    await arrange({ status: "ASSIGNED", inGroup: false });
    expect(await raw(contact(), `UPDATE "Application" SET status = 'ADDED', "inGroup" = true WHERE id = $1`, row)).toBe(1);
  });
});

describe("the yearly member check's list", () => {
  it("is filled only by the check: a resident or contact person may only take someone off it", async () => {
    await arrange({ status: "ADDED", inGroup: true });
    for (const scope of [resident(), contact()]) {
      await s.service((tx) => tx.application.update({ where: { id: row }, data: { memberCheckOpen: null }, select: { id: true } }));
      await expect(raw(scope, `UPDATE "Application" SET "memberCheckOpen" = 'UNANSWERED' WHERE id = $1`, row)).rejects.toThrow(/only the member check/);
      await s.service((tx) => tx.application.update({ where: { id: row }, data: { memberCheckOpen: "ASK_IN_PERSON" }, select: { id: true } }));
      await expect(raw(scope, `UPDATE "Application" SET "memberCheckOpen" = 'UNANSWERED' WHERE id = $1`, row)).rejects.toThrow(/only the member check/);
      expect(await raw(scope, `UPDATE "Application" SET "memberCheckOpen" = NULL, "memberConfirmedAt" = now() WHERE id = $1`, row)).toBe(1);
    }
    await expect(raw(contact(), `UPDATE "Application" SET "memberCheckAskedAt" = NULL WHERE id = $1`, row)).rejects.toThrow(/permission denied/);
  });
});

describe("a resident's update", () => {
  const ALLOWED = [
    "addressUnrecognised", "anonymisedAt", "email", "emailConfirmedAt", "houseLetter", "houseNumber", "houseNumberSuffix", "manageTokenHash", "matchedRuleId",
    // "Ik woon hier nog" (lib/members/confirm-membership.ts): the confirmation, and off the contact person's list.
    "memberCheckOpen", "memberConfirmedAt",
    "mobile", "name", "notes", "postcode", "reconfirmedAt", "status", "statusChangedAt", "street", "suggestedSubareaId", "updatedAt", "version",
  ];

  it("reaches only the columns of the allow-list", async () => {
    const rows = await s.db.query<{ column: string }>(
      `SELECT attname AS column FROM pg_attribute
       WHERE attrelid = '"Application"'::regclass AND attnum > 0 AND NOT attisdropped
         AND has_column_privilege('buurt_resident', attrelid, attnum, 'UPDATE')
       ORDER BY attname`,
    );
    expect(rows.map((r) => r.column)).toEqual(ALLOWED);
    for (const set of [`"subareaId" = NULL`, `"inGroup" = true`, `locale = 'en'`, `"reconfirmAskedAt" = now()`, `"duplicateOfId" = NULL`, `"memberCheckAskedAt" = NULL`, `"memberCheckRemindedAt" = NULL`]) {
      await expect(raw(resident(), `UPDATE "Application" SET ${set} WHERE id = $1`, row), set).rejects.toThrow(/permission denied/);
    }
  });

  it("changes their status only by withdrawing, or between NEW and WAITING with a corrected address", async () => {
    expect((await transitionsMade(resident(), false)).sort()).toEqual(
      ["NEW>WAITING", "WAITING>NEW", ...["NEW", "WAITING", "ASSIGNED", "UNREACHABLE", "ADDED"].map((from) => `${from}>WITHDRAWN`)].sort(),
    );
  });

  it("clears the internal notes but cannot write them, and cannot undo an erasure", async () => {
    await arrange({ status: "NEW", inGroup: false, notes: "internal" });
    await expect(raw(resident(), `UPDATE "Application" SET notes = 'mine now' WHERE id = $1`, row)).rejects.toThrow(/permission denied/);
    expect(await raw(resident(), `UPDATE "Application" SET notes = NULL, "anonymisedAt" = now() WHERE id = $1`, row)).toBe(1);
    await expect(raw(resident(), `UPDATE "Application" SET "anonymisedAt" = NULL WHERE id = $1`, row)).rejects.toThrow(/permission denied/);
  });
});

describe("history and audit rows", () => {
  const audit = `INSERT INTO "AuditEvent" ("actorKind", "actorId", "actorRole", action, "targetId", "subjectIds") VALUES ($1::"ActorKind", $2, $3::"StaffRole", 'test', $4, $5::int[])`;
  const history = `INSERT INTO "ApplicationEvent" ("applicationId", "actorKind", "actorId", type) VALUES ($1, $2::"ActorKind", $3, 'TEST')`;

  it("name the staff member of the scope, in their own role", async () => {
    await arrange({ status: "ASSIGNED", inGroup: false });
    expect(await raw(contact(), audit, "STAFF", contactId, "CONTACT_PERSON", null, [])).toBe(1);
    expect(await raw(coordinator(), audit, "STAFF", coordinatorId, "COORDINATOR", null, [])).toBe(1);
    for (const [scope, args] of [
      [contact(), ["STAFF", coordinatorId, "CONTACT_PERSON"]],
      [contact(), ["STAFF", contactId, "COORDINATOR"]],
      [contact(), ["SYSTEM", null, null]],
      [contact(), ["RESIDENT", null, null]],
      [coordinator(), ["STAFF", contactId, "CONTACT_PERSON"]],
      [coordinator(), ["STAFF", contactId, "COORDINATOR"]],
      [coordinator(), ["SYSTEM", null, null]],
      [{ role: "coordinator", userId: "" }, ["STAFF", "", "COORDINATOR"]],
    ] as [DbScope, unknown[]][]) {
      await expect(raw(scope, audit, ...args, null, []), JSON.stringify(args)).rejects.toThrow(/must name the acting staff member/);
    }
    expect(await raw(contact(), history, row, "STAFF", contactId)).toBe(1);
    expect(await raw(coordinator(), history, row, "STAFF", coordinatorId)).toBe(1);
    await expect(raw(contact(), history, row, "STAFF", coordinatorId)).rejects.toThrow(/must name the acting staff member/);
    await expect(raw(coordinator(), history, row, "SYSTEM", null)).rejects.toThrow(/must name the acting staff member/);
  });

  it("from a resident are anonymous and about their own application", async () => {
    const other = (await s.service((tx) => tx.application.findFirstOrThrow({ where: { id: { not: row } }, select: { id: true } }))).id;
    expect(await raw(resident(), audit, "RESIDENT", null, null, String(row), [row])).toBe(1);
    await expect(raw(resident(), audit, "STAFF", contactId, "CONTACT_PERSON", String(row), [row])).rejects.toThrow(/permission denied/);
    await expect(raw(resident(), audit, "RESIDENT", null, null, String(other), [other])).rejects.toThrow(/permission denied/);
    await expect(raw(resident(), audit, "RESIDENT", null, null, null, [row, other])).rejects.toThrow(/permission denied/);
    expect(await raw(resident(), history, row, "RESIDENT", null)).toBe(1);
    await expect(raw(resident(), history, row, "STAFF", coordinatorId)).rejects.toThrow(/permission denied/);
  });

  it("cannot be rewritten by a coordinator", async () => {
    await expect(raw(coordinator(), `UPDATE "ApplicationEvent" SET "actorId" = 'someone' WHERE "applicationId" = $1`, row)).rejects.toThrow(/permission denied/);
    await expect(raw(coordinator(), `DELETE FROM "ApplicationEvent" WHERE "applicationId" = $1`, row)).rejects.toThrow(/permission denied/);
  });
});

describe("a contact person's mail", () => {
  const mail = `INSERT INTO "OutboxMail" ("to", subject, text, template, "messageId") VALUES ($1, 'Uw gegevens', 'zie https://example.com', 'x', '<' || gen_random_uuid() || '@test.invalid>')`;

  it("goes to the central mailbox and nowhere else", async () => {
    expect(await raw(contact(), mail, MAILBOX)).toBe(1);
    await expect(raw(contact(), mail, "someone@example.com")).rejects.toThrow(/row-level security/);
    await expect(raw({ ...contact(), mailbox: undefined } as DbScope, mail, "")).rejects.toThrow(/row-level security/);
    await expect(
      raw(contact(), `INSERT INTO "OutboxMail" ("to", subject, text, template, "applicationId") VALUES ($1, 's', 't', 'x', $2)`, MAILBOX, row),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("tables without policies", () => {
  // role → table → the table privileges it holds (S I U D); anything unlisted: none.
  const GRANTS: Record<string, Record<string, string>> = {
    buurt_service: { User: "SIUD", Session: "SIUD", Account: "SIUD", VerificationToken: "SIUD", SubareaContact: "SIUD", AddressRule: "SIUD", RateLimit: "SIUD", JobLease: "SIUD", JobRun: "SIUD" },
    buurt_coordinator: { User: "SIU", Session: "D", SubareaContact: "SID", AddressRule: "SIUD" },
    buurt_contact: {},
    buurt_resident: { AddressRule: "S" },
    buurt_app: { User: "SU", Session: "SIUD", VerificationToken: "SID" },
  };
  const TABLES = ["User", "Session", "Account", "VerificationToken", "SubareaContact", "AddressRule", "RateLimit", "JobLease", "JobRun"];

  it("are reachable only by the roles whose code paths use them", async () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const role of Object.keys(GRANTS)) {
      actual[role] = {};
      for (const table of TABLES) {
        const [held] = await s.db.query<{ p: string }>(
          `SELECT string_agg(letter, '' ORDER BY n) AS p FROM (VALUES ('S', 'SELECT', 1), ('I', 'INSERT', 2), ('U', 'UPDATE', 3), ('D', 'DELETE', 4)) v(letter, privilege, n)
           WHERE has_table_privilege($1::name, format('%I', $2::text), privilege)`,
          [role, table],
        );
        if (held?.p) actual[role]![table] = held.p;
      }
    }
    expect(actual).toEqual(GRANTS);
  });

  it("refuse a query with no filter at all from the roles that have no business there", async () => {
    for (const table of TABLES) {
      await expect(raw(contact(), `SELECT 1 FROM "${table}"`), `contact ${table}`).rejects.toThrow(/permission denied/);
      if (table !== "AddressRule") await expect(raw(resident(), `SELECT 1 FROM "${table}"`), `resident ${table}`).rejects.toThrow(/permission denied/);
    }
    for (const table of ["Account", "VerificationToken", "RateLimit", "JobLease", "JobRun"]) {
      await expect(raw(coordinator(), `SELECT 1 FROM "${table}"`), `coordinator ${table}`).rejects.toThrow(/permission denied/);
    }
    await expect(raw(coordinator(), `SELECT "sessionToken" FROM "Session"`)).rejects.toThrow(/permission denied/);
    await expect(raw(coordinator(), `DELETE FROM "User" WHERE id = $1`, contactId)).rejects.toThrow(/permission denied/);
    expect(await raw(coordinator(), `DELETE FROM "Session" WHERE "userId" = $1`, contactId)).toBe(0);
  });
});

describe("the app role buurt_app", () => {
  it("owns nothing, bypasses nothing, and inherits no scope role's rights", async () => {
    const [role] = await s.db.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'buurt_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const [owned] = await s.db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM pg_class WHERE relowner = r.oid) + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
             + (SELECT count(*) FROM pg_type WHERE typowner = r.oid) + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid))::int AS n
       FROM pg_roles r WHERE rolname = 'buurt_app'`,
    );
    expect(owned!.n).toBe(0);
    for (const table of ["Application", "AuditEvent", "OutboxMail", "Subarea", "Message"]) {
      const [p] = await s.db.query<{ any: boolean }>(
        `SELECT has_table_privilege('buurt_app', format('%I', $1::text), 'SELECT') OR has_table_privilege('buurt_app', format('%I', $1::text), 'UPDATE') AS any`,
        [table],
      );
      expect(p!.any, table).toBe(false);
    }
  });

  it("cannot alter or drop a table, nor switch row-level security off", async () => {
    const asApp = (sql: string) =>
      s.db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL ROLE buurt_app`);
        return tx.$executeRawUnsafe(sql);
      });
    await expect(asApp(`ALTER TABLE "Application" DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP POLICY application_contact ON "Application"`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP TABLE "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP TRIGGER audit_event_actor_wall ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`CREATE TABLE "Mine" (id int)`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`SELECT 1 FROM "Application"`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`ALTER ROLE buurt_app BYPASSRLS`)).rejects.toThrow(/permission denied|must be superuser/);
  });

  it.runIf(process.env.TEST_DB === "postgres")("logs in, works through the scopes and the sign-in adapter, and nothing else", async () => {
    await withAdmin((admin) => admin.query(`ALTER ROLE buurt_app LOGIN`));
    const url = new URL(s.db.url!);
    url.username = "buurt_app";
    url.password = "";
    const app = await createDatabase({ kind: "postgres", url: url.toString(), host: "", database: url.pathname.slice(1) }, { poolSize: 2 });
    try {
      const [who] = await app.query<{ user: string }>(`SELECT current_user AS user`);
      expect(who!.user).toBe("buurt_app");
      // The scopes work as before: the coordinator sees every row, the contact person their subarea's.
      const total = await s.service((tx) => tx.application.count());
      expect(await inScope(app.prisma, coordinator(), (tx) => tx.application.count())).toBe(total);
      const visible = await inScope(s.db.prisma, contact(), (tx) => tx.application.count());
      expect(await inScope(app.prisma, contact(), (tx) => tx.application.count())).toBe(visible);
      // Outside a scope: only the migration state and the sign-in tables.
      expect((await app.query<{ n: bigint }>(`SELECT count(*) AS n FROM "_prisma_migrations"`))[0]!.n).toBeGreaterThan(0n);
      await expect(app.query(`SELECT 1 FROM "Application"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
      const adapter = PrismaAdapter(app.prisma as never) as Required<Adapter>;
      const user = await adapter.getUserByEmail("coordinator@example.org");
      expect(user).toMatchObject({ email: "coordinator@example.org" });
      await adapter.updateUser({ id: user!.id, emailVerified: new Date() });
      await adapter.createVerificationToken({ identifier: "coordinator@example.org", token: "wall", expires: new Date(Date.now() + 60_000) });
      expect(await adapter.useVerificationToken({ identifier: "coordinator@example.org", token: "wall" })).toMatchObject({ token: "wall" });
      await adapter.createSession({ sessionToken: "wall-session", userId: user!.id, expires: new Date(Date.now() + 60_000) });
      await adapter.updateSession({ sessionToken: "wall-session", expires: new Date(Date.now() + 120_000) });
      expect((await adapter.getSessionAndUser("wall-session"))?.user.id).toBe(user!.id);
      await adapter.deleteSession("wall-session");
    } finally {
      await app.close();
    }
  });
});
