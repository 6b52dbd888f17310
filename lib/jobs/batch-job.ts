import type { AppConfig } from "../config/env";

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
