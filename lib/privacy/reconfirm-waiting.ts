import "server-only";
import { database, withScope } from "../db";
import { recordChange } from "../applications/record-change";
import { NotFoundError, TooManyRequestsError } from "../errors";
import { consumeRateLimitsAlone, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { applicationIdForToken } from "../applications/own-application";

export const RECONFIRM_LIMIT: RateLimitRule = { name: "reconfirm:client", limit: 20, windowMs: 60 * 60_000 };

/**
 * A waiting resident confirms, on their private link, that they still want to wait for a
 * group: the waiting periods of the retention policy start again from now. Only while the
 * application is WAITING; anything else is "not found" to the resident.
 */
export async function reconfirmWaiting(applicationId: number, now = new Date()): Promise<void> {
  await withScope({ role: "resident", applicationId }, async (tx) => {
    const row = await tx.application.findFirst({ where: { id: applicationId, status: "WAITING", anonymisedAt: null }, select: { version: true } });
    if (!row) throw new NotFoundError();
    const version = row.version + 1;
    const updated = await tx.application.updateMany({
      where: { id: applicationId, version: row.version },
      data: { reconfirmedAt: now, version },
    });
    if (updated.count !== 1) throw new NotFoundError();
    await recordChange(tx, { role: "RESIDENT" }, { applicationId, type: "RECONFIRMED", fields: ["reconfirmedAt"], version });
  });
}

/** The same from the private link's token, rate limited per client address. */
export async function reconfirmFromLink(token: string, client: string, now = new Date()): Promise<void> {
  const [verdict] = await consumeRateLimitsAlone(await database(), [{ rule: RECONFIRM_LIMIT, subject: client }], now);
  if (!verdict.allowed) throw new TooManyRequestsError();
  const applicationId = await applicationIdForToken(token);
  if (applicationId === null) throw new NotFoundError();
  await reconfirmWaiting(applicationId, now);
}
