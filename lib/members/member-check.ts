import { config, type AppConfig } from "../config/env";
import { randomToken, tokenHash } from "../crypto/keyed-hash";
import type { PrismaClient } from "../db/client";
import type { Tx } from "../db/scope";
import { recordChange } from "../applications/record-change";
import { enqueueMail } from "../mail/enqueue-mail";
import { renderMail } from "../mail/render";
import { eachApplicationInBatches, SQL_TIMESTAMP, type BatchJobOptions } from "../jobs/batch-job";

/**
 * The yearly member check (issue 16): people move, and a WhatsApp group slowly fills with the
 * numbers of people who no longer live there. Every MEMBER_CHECK_MONTHS after joining the group
 * or after their last confirmation, a member is asked, by mail with a fresh private link, to
 * press "Ik woon hier nog" on their private page; one reminder follows after REMIND_AFTER_DAYS;
 * after LIST_AFTER_DAYS without an answer the contact person sees them as "niet bevestigd", to
 * keep or remove. A member without a confirmed e-mail address is listed at once, to ask in person.
 * Modelled on the purge job's question to waiting residents (lib/privacy/purge.ts, askToReconfirm).
 */
export const MEMBER_CHECK_JOB = "member-check";
export const REMIND_AFTER_DAYS = 14;
export const LIST_AFTER_DAYS = 28;

/** What one run did: counts only. */
export interface MemberCheckCounts {
  [key: string]: number;
  asked: number;
  askInPerson: number;
  reminded: number;
  unanswered: number;
  /** Open checks of people no longer members (left, withdrew, removed): closed. */
  closed: number;
}

export type MemberCheckOptions = BatchJobOptions;

const AT = SQL_TIMESTAMP;
const DAY_MS = 86_400_000;

// A member, and the moment their current period began: joined (the status change) or last confirmed.
const MEMBER = `status = 'ADDED' AND "inGroup" AND "anonymisedAt" IS NULL`;
const SINCE = `GREATEST("statusChangedAt", "memberConfirmedAt")`;
/** Asked in this period and not answered since. */
const OPEN = `"memberCheckAskedAt" IS NOT NULL AND "memberCheckAskedAt" >= ${SINCE}`;

/**
 * Runs the check once. Idempotent for a given clock: each step takes its rows out of its own
 * reach (asked, reminded, listed), so nothing is mailed twice. MEMBER_CHECK_MONTHS = 0: nothing.
 */
export async function runMemberCheck(prisma: PrismaClient, options: MemberCheckOptions = {}): Promise<MemberCheckCounts> {
  const { now = new Date(), batchSize = 500, cfg = config(), renew = async () => {} } = options;
  const counts: MemberCheckCounts = { asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 };
  if (cfg.MEMBER_CHECK_MONTHS === 0) return counts;
  const dueBefore = new Date(now);
  dueBefore.setUTCMonth(dueBefore.getUTCMonth() - cfg.MEMBER_CHECK_MONTHS);
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

  const each = (condition: string, params: unknown[], handle: (tx: Tx, id: number) => Promise<void>) =>
    eachApplicationInBatches(prisma, { condition, params, batchSize, renew }, handle);

  // 1. Someone left the group (or withdrew) during a check: the check ends with them.
  await each(`"memberCheckOpen" IS NOT NULL AND NOT (${MEMBER})`, [], async (tx, id) => {
    const row = await tx.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await tx.application.update({ where: { id }, data: { memberCheckOpen: null, version: row.version + 1 }, select: { id: true } });
    await recordChange(tx, { role: "SYSTEM" }, { applicationId: id, type: "MEMBER_CHECK_ENDED", fields: ["memberCheckOpen"], version: row.version + 1 });
    counts.closed++;
  });

  // 2. A period has passed and they were not asked in it.
  await each(
    `${MEMBER} AND ${SINCE} < $1${AT} AND NOT (${OPEN})`,
    [dueBefore.toISOString()],
    async (tx, id) => {
      if (await ask(tx, id, now, cfg, "memberCheck")) counts.asked++;
      else counts.askInPerson++;
    },
  );

  // 3. One reminder, to those asked by mail who did not answer.
  await each(
    `${MEMBER} AND ${OPEN} AND "memberCheckOpen" IS NULL AND ("memberCheckRemindedAt" IS NULL OR "memberCheckRemindedAt" < "memberCheckAskedAt")
       AND "memberCheckAskedAt" < $1${AT}`,
    [daysBefore(REMIND_AFTER_DAYS)],
    async (tx, id) => {
      if (await ask(tx, id, now, cfg, "memberCheckReminder")) counts.reminded++;
    },
  );

  // 4. Reminded, and four weeks since the question without an answer: on the contact person's list.
  await each(
    `${MEMBER} AND ${OPEN} AND "memberCheckOpen" IS NULL AND "memberCheckRemindedAt" >= "memberCheckAskedAt"
       AND "memberCheckAskedAt" < $1${AT} AND "memberCheckRemindedAt" < $2${AT}`,
    // The reminder, too, gets its time (should the job have stood still for a while).
    [daysBefore(LIST_AFTER_DAYS), daysBefore(LIST_AFTER_DAYS - REMIND_AFTER_DAYS)],
    async (tx, id) => {
      const row = await tx.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
      const version = row.version + 1;
      await tx.application.update({ where: { id }, data: { memberCheckOpen: "UNANSWERED", version }, select: { id: true } });
      await recordChange(tx, { role: "SYSTEM" }, { applicationId: id, type: "MEMBER_CHECK_LISTED", fields: ["memberCheckOpen"], version });
      counts.unanswered++;
    },
  );
  return counts;
}

/**
 * Asks (or reminds) one member: a fresh private link in a mail in their language (the old link
 * stops working: only the new token's hash is stored, as in the purge job's question). The
 * mail holds nothing the resident typed. Without a confirmed e-mail address nobody can be asked
 * by mail: the question is noted and the member is listed for the contact person to ask in
 * person. Returns whether a mail was queued.
 */
async function ask(tx: Tx, id: number, now: Date, cfg: AppConfig, template: "memberCheck" | "memberCheckReminder"): Promise<boolean> {
  const row = await tx.application.findUniqueOrThrow({ where: { id }, select: { email: true, emailConfirmedAt: true, locale: true, version: true } });
  const version = row.version + 1;
  const reminder = template === "memberCheckReminder";
  if (!row.email || !row.emailConfirmedAt) {
    if (reminder) return false;
    await tx.application.update({
      where: { id },
      data: { memberCheckAskedAt: now, memberCheckRemindedAt: null, memberCheckOpen: "ASK_IN_PERSON", version },
      select: { id: true },
    });
    await recordChange(tx, { role: "SYSTEM" }, { applicationId: id, type: "MEMBER_CHECK_LISTED", fields: ["memberCheckAskedAt", "memberCheckOpen"], version });
    return false;
  }
  const token = randomToken();
  await tx.application.update({
    where: { id },
    data: reminder
      ? { memberCheckRemindedAt: now, manageTokenHash: tokenHash(token), version }
      : { memberCheckAskedAt: now, memberCheckRemindedAt: null, memberCheckOpen: null, manageTokenHash: tokenHash(token), version },
    select: { id: true },
  });
  await recordChange(tx, { role: "SYSTEM" }, {
    applicationId: id,
    type: reminder ? "MEMBER_CHECK_REMINDED" : "MEMBER_CHECK_ASKED",
    fields: [reminder ? "memberCheckRemindedAt" : "memberCheckAskedAt", "manageTokenHash"],
    version,
  });
  const mail = renderMail(template, row.locale, {
    url: new URL(`/manage/${token}`, cfg.APP_URL).toString(),
    weeks: Math.round((LIST_AFTER_DAYS - (reminder ? REMIND_AFTER_DAYS : 0)) / 7),
  });
  await enqueueMail(tx, { to: row.email, applicationId: id, ...mail });
  return true;
}
