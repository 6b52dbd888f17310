// Mail goes through the outbox: stored in the transaction that caused it, delivered by the
// sender with retries and backoff, to a real SMTP server (smtp-server) in the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { backoffMs, deliverOutbox, MAX_ATTEMPTS } from "@/lib/mail/deliver-outbox";
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
    expect(await deliverOutbox(db.prisma, transport())).toEqual({ sent: 3, failed: 0, retrying: 0 });
    expect(await deliverOutbox(db.prisma, transport())).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(["Mail 0", "Mail 1", "Mail 2"]);
    const rows = await db.query<{ status: string }>(`SELECT status FROM "OutboxMail"`);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("keeps mail while the server is down and delivers every one exactly once when it is back", async () => {
    await enqueue(5);
    smtp.refuse(true);
    let now = new Date();
    const clock = () => now;
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 0, failed: 0, retrying: 5 });
    // Not due again before the backoff has passed.
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    smtp.refuse(false);
    now = new Date(now.getTime() + backoffMs(1) + 1000);
    expect(await deliverOutbox(db.prisma, transport(), { now: clock })).toEqual({ sent: 5, failed: 0, retrying: 0 });
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
    expect(await deliverOutbox(db.prisma, transport(), { batchSize: 20, concurrency: 4 })).toEqual({ sent: 20, failed: 0, retrying: 0 });
    expect(await deliverOutbox(db.prisma, transport(), { batchSize: 20, concurrency: 4 })).toEqual({ sent: 3, failed: 0, retrying: 0 });
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
