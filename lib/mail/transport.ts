import nodemailer from "nodemailer";
import { config } from "../config/env";

export interface MailTransport {
  /** Resolves when the receiving server accepted the mail; rejects otherwise. */
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
  /** False for the dev outbox: mail is only stored. */
  readonly delivers: boolean;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    delivers: true,
    async send(mail) {
      const result = await transport.sendMail({ from, ...mail });
      if (result.rejected.length > 0) throw new Error(`rejected by the mail server`);
    },
  };
}

/** Without SMTP_URL: the mail stays in the outbox (the dev outbox page shows it). */
export const storeOnlyTransport: MailTransport = { delivers: false, send: async () => {} };

let cached: MailTransport | undefined;
export function defaultTransport(): MailTransport {
  const { SMTP_URL, mailFrom } = config();
  cached ??= SMTP_URL ? smtpTransport(SMTP_URL, mailFrom) : storeOnlyTransport;
  return cached;
}
