import "server-only";
import { recordAudit } from "../audit/record-audit";
import { database, withScope } from "../db";
import { NotFoundError, TooManyRequestsError } from "../errors";
import { consumeRateLimitsAlone, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { applicationIdForToken } from "../applications/own-application";
import { privacyDueAt } from "./privacy-deadline";
import type { PrivacyRequestType } from "./privacy-request.schema";

export const RESIDENT_REQUEST_LIMIT: RateLimitRule = { name: "privacy-request:client", limit: 10, windowMs: 60 * 60_000 };

/**
 * A resident makes a data-subject request from their private link. It lands in the
 * coordinators' register with its one-month deadline. Asking again for something already
 * open adds nothing and answers with the open request's deadline.
 */
export async function requestPrivacyFromLink(
  input: { token: string; type: PrivacyRequestType; note?: string },
  client: string,
  now = new Date(),
): Promise<{ dueAt: Date; alreadyOpen: boolean }> {
  const [verdict] = await consumeRateLimitsAlone(await database(), [{ rule: RESIDENT_REQUEST_LIMIT, subject: client }], now);
  if (!verdict.allowed) throw new TooManyRequestsError();
  const applicationId = await applicationIdForToken(input.token);
  if (applicationId === null) throw new NotFoundError();
  return withScope({ role: "resident", applicationId }, async (tx) => {
    const open = await tx.privacyRequest.findFirst({ where: { applicationId, type: input.type, status: "OPEN" }, select: { dueAt: true } });
    if (open) return { dueAt: open.dueAt, alreadyOpen: true };
    const dueAt = privacyDueAt(now);
    // createMany: the resident role may insert but not read back through RETURNING of every column.
    await tx.privacyRequest.createMany({
      data: { type: input.type, applicationId, origin: "RESIDENT", receivedAt: now, dueAt, note: input.note ?? null },
    });
    await recordAudit(tx, { role: "RESIDENT" }, {
      action: "privacy.request_recorded",
      targetType: "Application",
      targetId: applicationId,
      subjectIds: [applicationId],
      meta: { type: input.type, origin: "RESIDENT" },
    });
    return { dueAt, alreadyOpen: false };
  });
}
