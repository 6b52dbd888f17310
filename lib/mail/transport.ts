import nodemailer from "nodemailer";
import { config } from "../config/env";

export interface MailTransport {
  /** Resolves when the receiving server accepted the mail; rejects otherwise. */
  send(mail: { to: string; subject: string; text: string; messageId?: string }): Promise<void>;
  /** False for the dev outbox: mail is only stored. */
  readonly delivers: boolean;
}

/**
 * Timeouts, unless the SMTP_URL's own query sets them. Nodemailer reads transport options from
 * the URL (or an options object), never from its second argument: those are message defaults.
 * No connection pool: a pool's idle connections would keep a CLI run (`npm run purge`) alive.
 */
function withTransportDefaults(url: string): string {
  const parsed = new URL(url);
  const defaults = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "20000" };
  for (const [key, value] of Object.entries(defaults)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(withTransportDefaults(url));
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
