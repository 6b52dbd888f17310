// Mail goes through the outbox: stored in the transaction that caused it, delivered by the
// sender with retries and backoff, to a real SMTP server (smtp-server) in the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { backoffMs, deliverOutbox, LOCK_MS, MAX_ATTEMPTS } from "@/lib/mail/deliver-outbox";
import { smtpTransport } from "@/lib/mail/transport";
import { startMailCatcher, type MailCatcher } from "../helpers/mail-catcher";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
let smtp: MailCatcher;
beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startMailCatcher();
});
afterAll(async () => {
  await smtp.stop();
  await db.drop();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.refuse(false);
  await db.query(`DELETE FROM "OutboxMail"`);
});

const transport = () => smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "test@example.org");
const enqueue = (n: number) =>
  inScope(db.prisma, { role: "service" }, async (tx) => {
    for (let i = 0; i < n; i++) await enqueueMail(tx, { to: `r${i}@example.org`, template: "signIn", subject: `Mail ${i}`, text: `Body ${i}` });
  });

describe("the outbox sender", () => {
  it("delivers pending mail once and marks it sent", async () => {
    await enqueue(3);
    expect(await deliverOutbox(db.prisma, transport())).toEqual({ sent: 3, failed: 0, retrying: 0, unrecorded: 0 });
    expect(await deliverOutbox(db.prisma, transport())).toEqual({ sent: 0, failed: 0, retrying: 0, unrecorded: 0 });
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(["Mail 0", "Mail 1", "Mail 2"]);
    const rows = await db.query<{ status: string }>(`SELECT status FROM "OutboxMail"`);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("keeps mail while the server is down and delivers every one exactly once when it is back", async () => {
    await enqueue(5);
    smtp.refuse(true);
    let now = new Date();
    const clock = () => now;
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 0, failed: 0, retrying: 5, unrecorded: 0 });
    // Not due again before the backoff has passed.
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 0, failed: 0, retrying: 0, unrecorded: 0 });
    smtp.refuse(false);
    now = new Date(now.getTime() + backoffMs(1) + 1000);
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 5, failed: 0, retrying: 0, unrecorded: 0 });
    now = new Date(now.getTime() + 3_600_000);
    await deliverOutbox(db.prisma, transport(), { now: clock });
    expect(smtp.messages).toHaveLength(5);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(5);
  });

  it("gives up after the last attempt and says why", async () => {
    await enqueue(1);
    smtp.refuse(true);
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverOutbox(db.prisma, transport(), { now: () => now });
      now = new Date(now.getTime() + backoffMs(i + 1) + 1000);
    }
    const [row] = await db.query<{ status: string; attempts: number; lastError: string }>(`SELECT status, attempts, "lastError" FROM "OutboxMail"`);
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(row!.lastError).toMatch(/421|unavailable/i);
  });

  it("sends a batch over several connections at once, each mail once, and reports each", async () => {
    await enqueue(23);
    expect(await deliverOutbox(db.prisma, transport(), { batchSize: 20, concurrency: 4 })).toEqual({ sent: 20, failed: 0, retrying: 0, unrecorded: 0 });
    expect(await deliverOutbox(db.prisma, transport(), { batchSize: 20, concurrency: 4 })).toEqual({ sent: 3, failed: 0, retrying: 0, unrecorded: 0 });
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(23);
    expect(smtp.messages).toHaveLength(23);
  });

  it("never hands one mail to two senders running at the same time", async () => {
    await enqueue(20);
    const reports = await Promise.all([deliverOutbox(db.prisma, transport()), deliverOutbox(db.prisma, transport()), deliverOutbox(db.prisma, transport())]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(20);
    expect(smtp.messages).toHaveLength(20);
  });
});

// Issue 18.2: the SMTP send succeeds and then the database refuses the status update, as it
// does when it goes down right after the send. A trigger refuses it with PostgreSQL's own
// "terminating connection due to administrator command" (SQLSTATE 57P01), through the real
// driver adapter, on both databases.
describe("the outbox when the database fails right after a send", () => {
  beforeAll(async () => {
    await db.query(`CREATE SEQUENCE test_refusals`);
    await db.query(`CREATE TABLE test_refuse_sent (id bigint PRIMARY KEY, times int NOT NULL)`);
    await db.query(`CREATE FUNCTION test_refuse_sent() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      DECLARE allowed int;
      BEGIN
        SELECT times INTO allowed FROM test_refuse_sent WHERE id = NEW.id;
        IF NEW.status = 'SENT' AND allowed IS NOT NULL THEN
          IF nextval('test_refusals') <= allowed THEN
            RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER test_refuse_sent BEFORE UPDATE ON "OutboxMail" FOR EACH ROW EXECUTE FUNCTION test_refuse_sent()`);
  });
  afterAll(async () => {
    await db.query(`DROP TRIGGER test_refuse_sent ON "OutboxMail"`);
  });
  beforeEach(async () => {
    await db.query(`DELETE FROM test_refuse_sent`);
    await db.query(`ALTER SEQUENCE test_refusals RESTART`);
  });

  const rowOf = async (subject: string) =>
    (await db.query<{ id: string; status: string; attempts: number; messageId: string }>(`SELECT id::text, status, attempts, "messageId" FROM "OutboxMail" WHERE subject = $1`, [subject]))[0]!;

  it("gives every mail its own Message-ID when it is enqueued, and sends with it", async () => {
    await enqueue(3);
    const ids = (await db.query<{ messageId: string }>(`SELECT "messageId" FROM "OutboxMail" ORDER BY id`)).map((r) => r.messageId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^<[0-9a-f-]{36}@[a-z0-9.-]+>$/);
    await deliverOutbox(db.prisma, transport());
    expect(smtp.messages.map((m) => m.messageId).sort()).toEqual([...ids].sort());
  });

  it("retries the status update briefly: one refusal still ends SENT, sent once", async () => {
    await enqueue(1);
    const row = await rowOf("Mail 0");
    await db.query(`INSERT INTO test_refuse_sent VALUES ($1, 1)`, [row.id]);
    expect(await deliverOutbox(db.prisma, transport())).toEqual({ sent: 1, failed: 0, retrying: 0, unrecorded: 0 });
    expect(await rowOf("Mail 0")).toMatchObject({ status: "SENT", attempts: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("lets the rest of the batch go on, and sends the unrecorded mail again only after its lease, with the same Message-ID", async () => {
    await enqueue(3);
    const stuck = await rowOf("Mail 1");
    await db.query(`INSERT INTO test_refuse_sent VALUES ($1, 1000)`, [stuck.id]);
    let now = new Date();
    const clock = () => now;
    expect(await deliverOutbox(db.prisma, transport(), { now: clock, concurrency: 1 })).toEqual({ sent: 2, failed: 0, retrying: 0, unrecorded: 1 });
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(["Mail 0", "Mail 1", "Mail 2"]);
    expect((await rowOf("Mail 0")).status).toBe("SENT");
    expect((await rowOf("Mail 2")).status).toBe("SENT");
    // The outcome is unknown to the database, but the claimed attempt is counted.
    expect(await rowOf("Mail 1")).toMatchObject({ status: "PENDING", attempts: 1 });

    // Not again while its lease runs, even once the database is back.
    await db.query(`DELETE FROM test_refuse_sent`);
    now = new Date(now.getTime() + LOCK_MS - 1_000);
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 0, failed: 0, retrying: 0, unrecorded: 0 });
    expect(smtp.messages).toHaveLength(3);

    // After the lease: at least once, with the Message-ID of the first send.
    now = new Date(now.getTime() + 2_000);
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 1, failed: 0, retrying: 0, unrecorded: 0 });
    const copies = smtp.messages.filter((m) => m.subject === "Mail 1");
    expect(copies).toHaveLength(2);
    expect(copies[0]!.messageId).toBe(stuck.messageId);
    expect(copies[1]!.messageId).toBe(stuck.messageId);
    expect(await rowOf("Mail 1")).toMatchObject({ status: "SENT", attempts: 2 });
  });
});
