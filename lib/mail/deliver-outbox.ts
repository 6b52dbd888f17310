import type { PrismaClient } from "../db/client";
import { inScope } from "../db/scope";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 12;
const LOCK_MS = 60_000;

/** 30 s, 1 min, 2 min … capped at one hour: a mail server down for a day still gets the mail. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  retrying: number;
}

/**
 * Sends what is due. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several app
 * instances (or a cron run beside the app) never send one mail twice at the same time.
 */
export async function deliverOutbox(
  prisma: PrismaClient,
  transport: MailTransport,
  { batchSize = 25, concurrency = 5, now = () => new Date() }: { batchSize?: number; concurrency?: number; now?: () => Date } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0 };
  const claimed = await inScope(prisma, { role: "service" }, async (tx) => {
    const at = now();
    const rows = await tx.$queryRaw<{ id: bigint; to: string; subject: string; text: string; attempts: number }[]>`
      SELECT id, "to", subject, text, attempts FROM "OutboxMail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${at} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length > 0) {
      await tx.outboxMail.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { lockedUntil: new Date(at.getTime() + LOCK_MS) },
      });
    }
    return rows;
  });

  const deliver = async (mail: (typeof claimed)[number]) => {
    let error: string | null = null;
    try {
      await transport.send({ to: mail.to, subject: mail.subject, text: mail.text });
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
    await inScope(prisma, { role: "service" }, (tx) => tx.outboxMail.update({ where: { id: mail.id }, data }));
    if (!error) report.sent++;
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
