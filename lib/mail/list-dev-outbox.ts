import "server-only";
import { config } from "../config/env";
import { withScope } from "../db";

/**
 * The stored mail, newest first, for the dev outbox page — only when DEV_OUTBOX=true and no
 * SMTP_URL is set (the demo). Otherwise null: the page then says it is switched off.
 */
export async function listDevOutbox(limit = 50) {
  if (!config().devOutbox) return null;
  return withScope({ role: "service" }, (tx) =>
    tx.outboxMail.findMany({
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, to: true, subject: true, text: true, createdAt: true },
    }),
  );
}
