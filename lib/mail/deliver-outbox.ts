import type { PrismaClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { inScope } from "../db/scope";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 12;
/** How long a claim holds a row: no other sender touches it before, whatever happened to us. */
export const LOCK_MS = 60_000;
/**
 * The longest one SMTP send can take (transport.ts: 10 s connect + 10 s greeting + 20 s
 * socket timeouts, rounded up). A mail is only sent while at least this much of its lease is
 * left, so a send never overlaps the lease running out and another sender's claim.
 */
const SEND_BUDGET_MS = 45_000;
/** Waits before retrying the outcome update after a send: the database may be blinking. */
const RECORD_RETRY_MS = [200, 1_000, 3_000];

/** 30 s, 1 min, 2 min … capped at one hour: a mail server down for a day still gets the mail. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  retrying: number;
  /**
   * Attempts whose outcome could not be stored (the database went away after the send). Those
   * rows stay claimed until their lease runs out and are then attempted again with the same
   * Message-ID: delivery is at least once, and a receiver can drop the repeat.
   */
  unrecorded: number;
}

/**
 * Sends what is due. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease (LOCK_MS), so
 * several app instances (or a cron run beside the app) never send one mail twice at the same
 * time; the claim already counts the attempt, so an attempt whose outcome is lost still leaves a
 * trace. Every attempt of a row carries the row's Message-ID. After a send, the outcome is
 * stored with brief retries (RECORD_RETRY_MS); if that still fails, the row is left to its lease
 * and the rest of the batch goes on. `now` is injectable for tests; times are UTC instants.
 */
export async function deliverOutbox(
  prisma: PrismaClient,
  transport: MailTransport,
  { batchSize = 25, concurrency = 5, now = () => new Date() }: { batchSize?: number; concurrency?: number; now?: () => Date } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0, unrecorded: 0 };
  const claimedAt = now();
  const claimed = await inScope(prisma, { role: "service" }, async (tx) => {
    const at = claimedAt;
    const rows = await tx.$queryRaw<{ id: bigint; to: string; subject: string; text: string; attempts: number; messageId: string }[]>`
      SELECT id, "to", subject, text, attempts, "messageId" FROM "OutboxMail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${at} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length > 0) {
      await tx.outboxMail.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { lockedUntil: new Date(at.getTime() + LOCK_MS), attempts: { increment: 1 } },
      });
    }
    return rows;
  });

  const deliver = async (mail: (typeof claimed)[number]) => {
    // Too little of the lease left for a whole send: leave the row to a later claim.
    if (now().getTime() > claimedAt.getTime() + LOCK_MS - SEND_BUDGET_MS) {
      await record(prisma, mail.id, { attempts: mail.attempts, lockedUntil: null }).catch(() => {});
      return;
    }
    let error: string | null = null;
    try {
      await transport.send({ to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    } catch (e) {
      // The error text of the mail server, never the mail itself.
      error = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    }
    const attempts = mail.attempts + 1;
    const at = now();
    const data = !error
      ? { status: "SENT" as const, sentAt: at, attempts, lockedUntil: null, lastError: null }
      : attempts >= MAX_ATTEMPTS
        ? { status: "FAILED" as const, attempts, lockedUntil: null, lastError: error }
        : { attempts, lockedUntil: null, lastError: error, nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)) };
    if (!(await record(prisma, mail.id, data))) {
      // Id only: the mail's address and text stay out of the log.
      console.error(`outbox: the outcome of mail ${mail.id} could not be stored; it is attempted again with the same Message-ID after its lease`);
      report.unrecorded++;
    } else if (!error) report.sent++;
    else if (attempts >= MAX_ATTEMPTS) report.failed++;
    else report.retrying++;
  };
  // A few connections at once: each mail costs the mail server's round trips, not our CPU.
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let mail = queue.shift(); mail; mail = queue.shift()) await deliver(mail);
    }),
  );
  return report;
}

/** Stores an attempt's outcome, retrying briefly; false when every try failed. Never throws. */
async function record(prisma: PrismaClient, id: bigint, data: Prisma.OutboxMailUpdateInput): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await inScope(prisma, { role: "service" }, (tx) => tx.outboxMail.update({ where: { id }, data }));
      return true;
    } catch {
      const wait = RECORD_RETRY_MS[attempt];
      if (wait === undefined) return false;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
