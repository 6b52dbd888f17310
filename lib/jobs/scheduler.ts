import "server-only";
import { database } from "../db";
import { runExclusive } from "./run-exclusive";

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run: (renew: () => Promise<void>) => Promise<Record<string, number | string | boolean>>;
}

/**
 * Runs each job on its interval in this instance; the lease in runExclusive lets only one
 * instance at a time actually do it.
 */
export function startScheduler(jobs: readonly ScheduledJob[]): void {
  for (const job of jobs) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const { prisma } = await database();
        await runExclusive(prisma, job.name, job.run);
      } catch (error) {
        console.error(`job ${job.name}: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    };
    setInterval(tick, job.everyMs).unref();
  }
}
