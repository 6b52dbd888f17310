import { randomUUID } from "node:crypto";
import { config } from "../config/env";

/**
 * A new RFC 5322 Message-ID, `<uuid@domain>`, the domain being that of the sender address
 * (MAIL_FROM or the mailbox address); `outbox.invalid` when the configuration cannot be read
 * (a script or test without it). Chosen once per outbox mail, when it is enqueued.
 */
export function newMessageId(): string {
  let domain = "outbox.invalid";
  try {
    domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config().mailFrom)?.[1] ?? domain;
  } catch {
    // No valid configuration here: the reserved domain keeps the id well-formed and unique.
  }
  return `<${randomUUID()}@${domain}>`;
}
