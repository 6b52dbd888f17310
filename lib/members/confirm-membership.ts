import "server-only";
import { database, withScope } from "../db";
import { recordChange } from "../applications/record-change";
import { applicationIdForToken } from "../applications/own-application";
import { NotFoundError, TooManyRequestsError } from "../errors";
import { consumeRateLimitsAlone, type RateLimitRule } from "../rate-limit/consume-rate-limit";

export const MEMBER_CONFIRM_LIMIT: RateLimitRule = { name: "member-confirm:client", limit: 20, windowMs: 60 * 60_000 };

/**
 * "Ik woon hier nog": a member asked by the yearly check (member-check.ts) confirms on their
 * private page, with the button (a POST): opening the link changes nothing, so a mail scanner
 * that follows it does not answer for them. The check starts again from now and the member
 * leaves the contact person's list. Only while a check is open for a member; anything else is
 * "not found". Modelled on reconfirm-waiting.ts.
 */
export async function confirmMembership(applicationId: number, now = new Date()): Promise<void> {
  await withScope({ role: "resident", applicationId }, async (tx) => {
    const row = await tx.application.findFirst({
      where: { id: applicationId, status: "ADDED", inGroup: true, anonymisedAt: null, memberCheckAskedAt: { not: null } },
      select: { version: true, statusChangedAt: true, memberCheckAskedAt: true, memberConfirmedAt: true },
    });
    if (!row || !isCheckOpen(row)) throw new NotFoundError();
    const version = row.version + 1;
    const updated = await tx.application.updateMany({
      where: { id: applicationId, version: row.version },
      data: { memberConfirmedAt: now, memberCheckOpen: null, version },
    });
    if (updated.count !== 1) throw new NotFoundError();
    await recordChange(tx, { role: "RESIDENT" }, { applicationId, type: "MEMBER_CONFIRMED", fields: ["memberConfirmedAt"], version });
  });
}

/** The same from the private link's token, rate limited per client address. */
export async function confirmMembershipFromLink(token: string, client: string, now = new Date()): Promise<void> {
  const [verdict] = await consumeRateLimitsAlone(await database(), [{ rule: MEMBER_CONFIRM_LIMIT, subject: client }], now);
  if (!verdict.allowed) throw new TooManyRequestsError();
  const applicationId = await applicationIdForToken(token);
  if (applicationId === null) throw new NotFoundError();
  await confirmMembership(applicationId, now);
}

/**
 * Whether a member was asked in their current period and has not answered since (the same rule
 * as the job's OPEN condition): asked after joining and after their last confirmation.
 */
export function isCheckOpen(row: { statusChangedAt: Date; memberCheckAskedAt: Date | null; memberConfirmedAt: Date | null }): boolean {
  if (!row.memberCheckAskedAt) return false;
  const since = row.memberConfirmedAt && row.memberConfirmedAt > row.statusChangedAt ? row.memberConfirmedAt : row.statusChangedAt;
  return row.memberCheckAskedAt >= since;
}
