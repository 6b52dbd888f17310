import type { Tx } from "../db/scope";
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
