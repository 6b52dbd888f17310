/**
 * A real SMTP server (smtp-server) that keeps what it receives, for tests of mail delivery.
 * `stop()` closes it; `down()`/`up()` refuse and accept mail again to test retries.
 */
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** The Message-ID header, `<…@…>`. */
  messageId: string | null;
  receivedAt: string;
}

export interface MailCatcher {
  port: number;
  messages: CaughtMail[];
  /** Waits until a mail to `to` matching `predicate` has arrived. */
  waitFor(to: string, predicate?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  refuse(refusing: boolean): void;
  stop(): Promise<void>;
}

export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      callback(refusing ? Object.assign(new Error("Service unavailable"), { responseCode: 421 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            messageId: parsed.messageId ?? null,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    port: boundPort,
    messages,
    async waitFor(to, predicate = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find((m) => m.to.includes(to.toLowerCase()) && predicate(m));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No mail to ${to} within ${timeoutMs} ms (received: ${messages.map((m) => `${m.to} "${m.subject}"`).join("; ") || "none"})`);
    },
    refuse(value) {
      refusing = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
