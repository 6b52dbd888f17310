import type { Tx } from "../db/scope";
import { consumeRateLimit, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { newMessageId } from "./message-id";
import type { RenderedMail } from "./render";

export interface MailToSend extends RenderedMail {
  to: string;
  /** The person the mail is about, so erasing them erases their mail too. */
  applicationId?: number;
}

/**
 * Puts a mail in the outbox inside the caller's transaction: it is sent if and only if the
 * change that caused it is committed. The sender (deliver-outbox.ts) delivers it with retries,
 * every attempt with the Message-ID chosen here.
 */
export async function enqueueMail(tx: Tx, mail: MailToSend): Promise<void> {
  await tx.outboxMail.createMany({
    data: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      template: mail.template,
      applicationId: mail.applicationId ?? null,
      messageId: newMessageId(),
    },
  });
}

/** Mail to one address nobody has confirmed: at most this many a day (issue 11 item 6). */
export const UNCONFIRMED_MAIL_LIMIT = { name: "mail:unconfirmed", limit: 3, windowMs: 24 * 60 * 60_000 } as const satisfies RateLimitRule;

/**
 * Counts one mail to `to`, an address nobody has confirmed (typed into a public form), against
 * UNCONFIRMED_MAIL_LIMIT; `false` when it is over the cap and the mail must be dropped (logged
 * with the template, never the address). Needs a transaction in the service scope (RateLimit).
 * With the form limits and mail that carries no typed text, the forms cannot be used to send
 * a stream of mail from the association to a stranger.
 */
export async function mayMailUnconfirmed(tx: Tx, to: string, template: string): Promise<boolean> {
  const { allowed } = await consumeRateLimit(tx, UNCONFIRMED_MAIL_LIMIT, to.trim().toLowerCase());
  if (!allowed) console.warn(`mail: "${template}" to an unconfirmed address dropped (over ${UNCONFIRMED_MAIL_LIMIT.limit} a day to one address)`);
  return allowed;
}
