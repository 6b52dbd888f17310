import "server-only";
import { database } from "../db";
import { deliverOutbox } from "./deliver-outbox";
import { defaultTransport } from "./transport";

const BATCH = 25;
let running = false;
let again = false;

/** Delivers due mail now, in the background. Safe to call often. */
export function kickMailWorker(): void {
  if (!defaultTransport().delivers) return;
  if (running) {
    again = true;
    return;
  }
  running = true;
  void (async () => {
    try {
      const { prisma } = await database();
      let full: boolean;
      do {
        again = false;
        // A full batch means more may be due: keep going, so a burst drains at once instead of
        // one batch per interval, and new mail does not wait behind it.
        const report = await deliverOutbox(prisma, defaultTransport(), { batchSize: BATCH });
        full = report.sent + report.failed + report.retrying + report.unrecorded === BATCH;
      } while (again || full);
    } catch (error) {
      console.error(`mail delivery: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  })();
}

/** Retries due mail every few seconds while the server runs (only with SMTP_URL). */
export function startMailWorker(intervalMs = 5_000): void {
  if (!defaultTransport().delivers) return;
  setInterval(kickMailWorker, intervalMs).unref();
}
