/**
 * npm run purge — applies the retention policy once (for cron), prints what it did: counts
 * only. The app also runs it every hour; a lease in the database makes sure only one of them
 * works at a time. With the embedded database, stop the app first (one process at a time).
 */
import { createDatabase } from "../lib/db/client";
import { databaseTarget, describeTarget } from "../lib/db/config";
import { assertDatabaseReady } from "../lib/db/startup-check";
import { runExclusive } from "../lib/jobs/run-exclusive";
import { LOCK_MS, deliverOutbox } from "../lib/mail/deliver-outbox";
import { defaultTransport } from "../lib/mail/transport";
import { purge, PURGE_JOB } from "../lib/privacy/purge";
import { runCli } from "./run-cli";

await runCli(async () => {
  const target = databaseTarget();
  const db = await createDatabase(target);
  try {
    await assertDatabaseReady(db, target);
    const counts = await runExclusive(db.prisma, PURGE_JOB, (renew) => purge(db.prisma, { renew }));
    if (!counts) {
      console.log("Another instance is purging right now; nothing done.");
      return;
    }
    console.log(`Purged ${describeTarget(target)}:`);
    for (const [rule, count] of Object.entries(counts)) console.log(`  ${rule.padEnd(30)} ${count}`);
    // Re-confirmation mail goes out now rather than at the app's next delivery round.
    const transport = defaultTransport();
    if (counts.waitingReconfirm > 0 && transport.delivers) {
      const report = await deliverOutbox(db.prisma, transport, { batchSize: 500 });
      console.log(`Mail: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed, ${report.unrecorded} sent but not recorded (sent again after ${LOCK_MS / 1000} s, same Message-ID).`);
    }
  } finally {
    await db.close();
  }
});
