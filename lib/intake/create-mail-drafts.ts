import "server-only";
import type { ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { config } from "../config/env";
import { extractApplicationFields } from "./extract-application-fields";
import { readMail, type ReceivedMail } from "./read-mail";
import { MAX_MAIL_TEXT } from "./upload-limits";

export interface MailInput {
  /** The uploaded file's name; null for a pasted mail. */
  fileName: string | null;
  source: Buffer | string;
}

/** A file that is not a mail: binary content (NUL bytes), or nothing readable in it. */
export class UnreadableMailError extends Error {
  override readonly name = "UnreadableMailError";
  constructor(readonly fileName: string | null) {
    super("unreadable mail");
  }
}

/**
 * Reads each mail, extracts what it can and stores it as a draft for a coordinator to check.
 * All or none: one unreadable file stores nothing. Returns the drafts' ids in input order.
 * The mail's content is never logged or written to the audit trail.
 */
export async function createMailDrafts(viewer: ViewerWith<"intake.mail">, inputs: readonly MailInput[]): Promise<number[]> {
  const mails: { input: MailInput; mail: ReceivedMail }[] = [];
  for (const input of inputs) {
    const bytes = typeof input.source === "string" ? null : input.source;
    if (bytes?.includes(0)) throw new UnreadableMailError(input.fileName);
    const mail = await readMail(input.source);
    if (!mail.text.trim()) throw new UnreadableMailError(input.fileName);
    mails.push({ input, mail });
  }
  return withViewer(viewer, async (tx) => {
    const [staff, rules] = await Promise.all([
      tx.user.findMany({ select: { email: true } }),
      tx.addressRule.findMany({ where: { street: { not: null }, subarea: { status: { not: "RETIRED" } } }, select: { street: true } }),
    ]);
    const ownAddresses = [config().MAILBOX_ADDRESS, ...staff.map((u) => u.email)];
    const knownStreets = rules.map((r) => r.street!);
    const ids: number[] = [];
    for (const { input, mail } of mails) {
      const fields = extractApplicationFields(mail.text, { from: mail.from, replyTo: mail.replyTo, subject: mail.subject, ownAddresses, knownStreets });
      const draft = await tx.mailDraft.create({
        data: { createdById: viewer.userId, fileName: input.fileName?.slice(0, 200) ?? null, mailText: mail.text.slice(0, MAX_MAIL_TEXT), ...fields },
        select: { id: true },
      });
      ids.push(draft.id);
    }
    return ids;
  });
}
