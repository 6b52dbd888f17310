import type { AppConfig } from "../config/env";
import type { PrismaClient } from "../db/client";
import { inScope, type Tx } from "../db/scope";

/**
 * What a job that works through rows in batches takes (the purge, the yearly member check): a
 * clock, rows per transaction, the configuration, and a call between batches that keeps the
 * job's lease (lib/jobs/run-exclusive.ts).
 */
export interface BatchJobOptions {
  /** The clock: every period is counted back from here. */
  now?: Date;
  /** Rows per transaction. */
  batchSize?: number;
  cfg?: AppConfig;
  /** Called between batches to keep the job's lease. */
  renew?: () => Promise<void>;
}

/** Timestamps travel as ISO text and are cast: stored values are UTC in timestamp(3) columns. */
export const SQL_TIMESTAMP = "::timestamp(3)";

/** A batch's transaction may take longer than an interactive one. */
export const BATCH_TRANSACTION = { timeout: 120_000 };

/**
 * Works through the applications matching `condition` (an SQL condition on "Application" written
 * in this code base, never user input; parameters $1…) in id order, `batchSize` at a time: one
 * service-scope transaction per batch, `handle` called for each id inside it, `renew` between
 * batches. A handled row must stop matching, or it is simply passed (the next batch starts after
 * the last id). Returns how many ids were handled.
 */
export async function eachApplicationInBatches(
  prisma: PrismaClient,
  { condition, params, batchSize, renew }: { condition: string; params: unknown[]; batchSize: number; renew: () => Promise<void> },
  handle: (tx: Tx, id: number) => Promise<unknown>,
): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = await inScope(
      prisma,
      { role: "service" },
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
          `SELECT id FROM "Application" WHERE ${condition} AND id > $${params.length + 1} ORDER BY id LIMIT ${batchSize}`,
          ...params,
          after,
        );
        for (const { id } of rows) await handle(tx, id);
        return rows.map((r) => r.id);
      },
      BATCH_TRANSACTION,
    );
    done += ids.length;
    if (ids.length < batchSize) return done;
    after = ids.at(-1)!;
    await renew();
  }
}
