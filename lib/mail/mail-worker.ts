import "server-only";
import { database } from "../db";
import { deliverOutbox } from "./deliver-outbox";
import { defaultTransport } from "./transport";

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
      do {
        again = false;
        const { prisma } = await database();
        await deliverOutbox(prisma, defaultTransport());
      } while (again);
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
