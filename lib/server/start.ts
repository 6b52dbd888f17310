import { ConfigError } from "../config/config-error";
import { config } from "../config/env";
import { databaseTarget } from "../db/config";
import { assertDatabaseReady } from "../db/startup-check";
import { database } from "../db";
import { startMailWorker } from "../mail/mail-worker";
import { startScheduler } from "../jobs/scheduler";
import { ALL_JOBS } from "../jobs/all-jobs";
import { installHttpGuard } from "./http-guard";

export async function startServer(): Promise<void> {
  try {
    installHttpGuard(config().trustedProxies);
    const target = databaseTarget();
    await assertDatabaseReady(await database(), target);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  startMailWorker();
  startScheduler(ALL_JOBS);
}
