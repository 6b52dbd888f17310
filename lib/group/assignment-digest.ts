import "server-only";
import { config } from "../config/env";
import { withScope } from "../db";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import { rolesWith } from "../auth/capabilities";

/** At most one digest per contact person in this period. */
export const DIGEST_PERIOD_MS = 24 * 60 * 60_000;

/**
 * The daily mail to contact persons who chose it: how many people were assigned to their
 * subareas since their last digest and still wait to be added, and a link — never a name or a
 * number. Runs every hour; someone mailed less than a day ago, or with nothing new, gets nothing.
 */
export async function sendAssignmentDigests(now = new Date()): Promise<{ due: number; mailed: number }> {
  const result = await withScope({ role: "service" }, async (tx) => {
    const due = await tx.user.findMany({
      where: {
        role: { in: [...rolesWith("group.work")] },
        active: true,
        digest: "DAILY",
        OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - DIGEST_PERIOD_MS) } }],
      },
      select: {
        id: true,
        email: true,
        locale: true,
        lastDigestAt: true,
        subareas: { where: { subarea: { status: { not: "RETIRED" } } }, select: { subareaId: true } },
      },
      orderBy: { id: "asc" },
    });
    const url = new URL("/staff/group", config().APP_URL).toString();
    let mailed = 0;
    for (const user of due) {
      if (user.subareas.length === 0) continue;
      const count = await tx.application.count({
        where: {
          subareaId: { in: user.subareas.map((s) => s.subareaId) },
          status: "ASSIGNED",
          statusChangedAt: { lte: now, ...(user.lastDigestAt ? { gt: user.lastDigestAt } : {}) },
        },
      });
      if (count === 0) continue;
      // Guarded by the value read above, so a second run at the same moment mails nobody twice.
      const claimed = await tx.user.updateMany({ where: { id: user.id, lastDigestAt: user.lastDigestAt }, data: { lastDigestAt: now } });
      if (claimed.count !== 1) continue;
      await enqueueMail(tx, { to: user.email, ...renderMail("assignmentDigest", user.locale, { count, url }) });
      mailed += 1;
    }
    return { due: due.length, mailed };
  });
  if (result.mailed > 0) kickMailWorker();
  return result;
}
