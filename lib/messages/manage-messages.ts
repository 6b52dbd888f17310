import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { DomainValidationError, NotFoundError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import { kickMailWorker } from "../mail/mail-worker";
import { renderMail } from "../mail/render";
import { assertCan } from "../auth/can";

export const MESSAGES_PAGE_SIZE = 25;

export async function listMessages(viewer: Viewer, query: { status: "OPEN" | "ANSWERED"; page: number }) {
  assertCan(viewer, "messages.answer");
  return withViewer(viewer, async (tx) => {
    const where = { status: query.status };
    const [rows, total] = await Promise.all([
      tx.message.findMany({
        where,
        orderBy: { createdAt: query.status === "OPEN" ? "asc" : "desc" },
        skip: (query.page - 1) * MESSAGES_PAGE_SIZE,
        take: MESSAGES_PAGE_SIZE,
        select: { id: true, name: true, replyTo: true, body: true, locale: true, status: true, reply: true, answeredAt: true, createdAt: true },
      }),
      tx.message.count({ where }),
    ]);
    return { rows, total, page: query.page, size: MESSAGES_PAGE_SIZE };
  });
}

/** Mails the answer through the outbox (in the same transaction) and marks the message answered. */
export async function replyToMessage(viewer: Viewer, input: { id: number; reply: string }): Promise<void> {
  assertCan(viewer, "messages.answer");
  await withViewer(viewer, async (tx) => {
    const message = await tx.message.findUnique({ where: { id: input.id }, select: { replyTo: true, locale: true, status: true } });
    if (!message) throw new NotFoundError();
    if (!message.replyTo) throw new DomainValidationError({ reply: "noAddress" });
    await enqueueMail(tx, { to: message.replyTo, ...renderMail("messageReply", message.locale, { reply: input.reply }) });
    await tx.message.update({ where: { id: input.id }, data: { status: "ANSWERED", reply: input.reply, answeredAt: new Date(), answeredById: viewer.userId }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "message.answered", targetType: "Message", targetId: input.id, meta: { mailed: true } });
  });
  kickMailWorker();
}

/** Answered some other way (by phone, in person): closes the message without a mail. */
export async function markMessageAnswered(viewer: Viewer, id: number): Promise<void> {
  assertCan(viewer, "messages.answer");
  await withViewer(viewer, async (tx) => {
    const updated = await tx.message.updateMany({ where: { id, status: "OPEN" }, data: { status: "ANSWERED", answeredAt: new Date(), answeredById: viewer.userId } });
    if (updated.count === 0) throw new NotFoundError();
    await recordAudit(tx, viewer, { action: "message.answered", targetType: "Message", targetId: id, meta: { mailed: false } });
  });
}
