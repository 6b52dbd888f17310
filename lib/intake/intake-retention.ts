import "server-only";
import { withScope } from "../db";
import type { ScheduledJob } from "../jobs/scheduler";

/**
 * Drafts hold personal data of people who are not applicants yet, so they do not linger: a
 * mail draft nobody saved or discarded goes after 7 days (the mail itself is still in the
 * mailbox), an uploaded spreadsheet after 1 day (the file is still with the coordinator).
 */
export const MAIL_DRAFT_DAYS = 7;
export const IMPORT_BATCH_DAYS = 1;

export async function purgeIntakeDrafts(now = new Date()): Promise<{ mailDrafts: number; importBatches: number }> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
  return withScope({ role: "service" }, async (tx) => ({
    mailDrafts: (await tx.mailDraft.deleteMany({ where: { createdAt: { lt: before(MAIL_DRAFT_DAYS) } } })).count,
    importBatches: (await tx.importBatch.deleteMany({ where: { createdAt: { lt: before(IMPORT_BATCH_DAYS) } } })).count,
  }));
}

export const intakeDraftsJob: ScheduledJob = { name: "intake-drafts-purge", everyMs: 60 * 60_000, run: () => purgeIntakeDrafts() };
