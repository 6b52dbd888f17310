import { config, type AppConfig } from "../config/env";
import { INTL_LOCALE } from "../i18n/locales";
import { randomToken, tokenHash } from "../crypto/keyed-hash";
import type { PrismaClient } from "../db/client";
import { inScope, type Tx } from "../db/scope";
import { recordChange } from "../applications/record-change";
import { enqueueMail } from "../mail/enqueue-mail";
import { renderMail } from "../mail/render";
import { completeErasure, eraseApplication } from "./erase-application";
import { heldForRemoval } from "./erasure-rules";
import { retentionCutoff, retentionPolicy, type RetentionRule, type RetentionRuleId } from "./retention-policy";
import { BATCH_TRANSACTION, eachApplicationInBatches, SQL_TIMESTAMP, type BatchJobOptions } from "../jobs/batch-job";

export const PURGE_JOB = "purge";

/** What one purge run did, per rule: counts only. */
export type PurgeCounts = Record<RetentionRuleId | "waitingReconfirmWithoutEmail" | "erasureCompleted", number>;

export type PurgeOptions = BatchJobOptions;

const AT = SQL_TIMESTAMP;
const LONG = BATCH_TRANSACTION;

/**
 * Applies every retention rule (retention-policy.ts) in batches of `batchSize` rows per
 * transaction. Idempotent: what a rule has done takes the rows out of its reach, so a second
 * run with the same clock changes nothing. Run it through runExclusive (npm run purge, the
 * in-app schedule) so that only one instance purges at a time.
 */
export async function purge(prisma: PrismaClient, options: PurgeOptions = {}): Promise<PurgeCounts> {
  const { now = new Date(), batchSize = 500, cfg = config(), renew = async () => {} } = options;
  const rules = Object.fromEntries(retentionPolicy(cfg).map((rule) => [rule.id, rule])) as Record<RetentionRuleId, RetentionRule>;
  const cutoff = (id: RetentionRuleId) => retentionCutoff(rules[id], now).toISOString();
  const service = <T>(fn: (tx: Tx) => Promise<T>) => inScope(prisma, { role: "service" }, fn, LONG);

  const eachApplication = (condition: string, params: unknown[], handle: (tx: Tx, id: number) => Promise<unknown>) =>
    eachApplicationInBatches(prisma, { condition, params, batchSize, renew }, handle);

  async function deleteRows(table: string, condition: string, params: unknown[]): Promise<number> {
    let done = 0;
    for (;;) {
      const count = await service((tx) =>
        tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE ctid = ANY (ARRAY(SELECT ctid FROM "${table}" WHERE ${condition} LIMIT ${batchSize}))`, ...params),
      );
      done += count;
      if (count < batchSize) return done;
      await renew();
    }
  }

  const erase = (tx: Tx, id: number) => eraseApplication(tx, id, now);
  const byStatus = (status: string, rule: RetentionRuleId) =>
    eachApplication(`status = '${status}' AND "anonymisedAt" IS NULL AND "statusChangedAt" < $1${AT}`, [cutoff(rule)], erase);
  // Waiting people: the clock restarts when they confirm they still want to wait.
  const waitingSince = `GREATEST("statusChangedAt", "reconfirmedAt")`;
  const waiting = `status = 'WAITING' AND "anonymisedAt" IS NULL AND "statusChangedAt" < $1${AT} AND ${waitingSince} < $1${AT}`;

  const counts = {} as PurgeCounts;
  counts.rejected = await byStatus("REJECTED", "rejected");
  counts.withdrawn = await byStatus("WITHDRAWN", "withdrawn");
  counts.left = await byStatus("LEFT", "left");
  // Erase before asking: someone past both periods is not asked and erased in one run.
  counts.waitingErase = await eachApplication(waiting, [cutoff("waitingErase")], erase);

  counts.waitingReconfirm = 0;
  counts.waitingReconfirmWithoutEmail = 0;
  const eraseMonths = rules.waitingErase.period.amount;
  await eachApplication(
    // Asked once per waiting period: not since this period began.
    `${waiting} AND ("reconfirmAskedAt" IS NULL OR "reconfirmAskedAt" < ${waitingSince})`,
    [cutoff("waitingReconfirm")],
    async (tx, id) => {
      const asked = await askToReconfirm(tx, id, now, eraseMonths, cfg);
      if (asked) counts.waitingReconfirm++;
      else counts.waitingReconfirmWithoutEmail++;
    },
  );

  // Erased while still in a group: name and number go once the contact person removed them.
  // The held columns (name and number) and their erased values come from the register, as in completeErasure.
  const held = heldForRemoval();
  counts.erasureCompleted = await eachApplication(
    `"anonymisedAt" IS NOT NULL AND NOT "inGroup" AND (${held.map(([column], i) => `"${column}" IS DISTINCT FROM $${i + 1}`).join(" OR ")})`,
    held.map(([, erased]) => erased),
    (tx, id) => completeErasure(tx, id),
  );

  counts.answeredMessages = await deleteRows("Message", `status = 'ANSWERED' AND "answeredAt" < $1${AT}`, [cutoff("answeredMessages")]);
  counts.closedExpansionRequests = await deleteRows(
    "ExpansionRequest",
    `status IN ('DECLINED', 'WITHDRAWN') AND "updatedAt" < $1${AT}`,
    [cutoff("closedExpansionRequests")],
  );
  counts.blockedNumbers = await deleteRows("BlockedNumber", `"createdAt" < $1${AT}`, [cutoff("blockedNumbers")]);
  counts.closedPrivacyRequests = await deleteRows("PrivacyRequest", `status <> 'OPEN' AND "closedAt" < $1${AT}`, [cutoff("closedPrivacyRequests")]);
  counts.handledViolationReports = await deleteRows("ViolationReport", `status = 'HANDLED' AND "handledAt" < $1${AT}`, [cutoff("handledViolationReports")]);
  counts.auditEvents = await deleteRows("AuditEvent", `at < $1${AT}`, [cutoff("auditEvents")]);
  counts.sentMail = await deleteRows("OutboxMail", `status IN ('SENT', 'FAILED') AND "createdAt" < $1${AT}`, [cutoff("sentMail")]);
  counts.mailDrafts = await deleteRows("MailDraft", `"createdAt" < $1${AT}`, [cutoff("mailDrafts")]);
  counts.importFiles = await deleteRows("ImportBatch", `"createdAt" < $1${AT}`, [cutoff("importFiles")]);
  counts.expiredSignInLinks = await deleteRows("VerificationToken", `expires < $1${AT}`, [cutoff("expiredSignInLinks")]);
  counts.expiredSessions = await deleteRows("Session", `expires < $1${AT}`, [cutoff("expiredSessions")]);
  counts.expiredRateLimits = await deleteRows("RateLimit", `"expiresAt" < $1${AT}`, [cutoff("expiredRateLimits")]);
  return counts;
}

/**
 * Asks a waiting resident whether to keep waiting: a fresh private link (the old one stops
 * working: only the new token's hash is stored) in a mail, and a note that they were asked.
 * Without an e-mail address nobody can be asked; the note is made all the same, so the job
 * does not try again, and the erasure follows on schedule. Returns whether a mail was queued.
 */
async function askToReconfirm(tx: Tx, id: number, now: Date, eraseMonths: number, cfg: AppConfig): Promise<boolean> {
  const row = await tx.application.findUniqueOrThrow({
    where: { id },
    select: { email: true, locale: true, version: true, statusChangedAt: true, reconfirmedAt: true },
  });
  const token = randomToken();
  const version = row.version + 1;
  await tx.application.update({
    where: { id },
    data: { reconfirmAskedAt: now, version, ...(row.email ? { manageTokenHash: tokenHash(token) } : {}) },
    select: { id: true },
  });
  await recordChange(tx, { role: "SYSTEM" }, {
    applicationId: id,
    type: "RECONFIRM_ASKED",
    fields: row.email ? ["reconfirmAskedAt", "manageTokenHash"] : ["reconfirmAskedAt"],
    version,
  });
  if (!row.email) return false;
  const since = row.reconfirmedAt && row.reconfirmedAt > row.statusChangedAt ? row.reconfirmedAt : row.statusChangedAt;
  const eraseOn = new Date(since);
  eraseOn.setUTCMonth(eraseOn.getUTCMonth() + eraseMonths);
  const mail = renderMail("reconfirm", row.locale, {
    url: new URL(`/manage/${token}`, cfg.APP_URL).toString(),
    eraseOn: new Intl.DateTimeFormat(INTL_LOCALE[row.locale], { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(eraseOn),
  });
  await enqueueMail(tx, { to: row.email, applicationId: id, ...mail });
  return true;
}
