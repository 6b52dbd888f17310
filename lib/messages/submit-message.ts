import "server-only";
import { recordAudit } from "../audit/record-audit";
import { withScope } from "../db";
import type { AppLocale } from "../i18n/locales";
import type { ContactInput } from "./contact.schema";

/** A question from the contact form, for the coordinators' inbox. */
export async function submitMessage(input: ContactInput, { locale }: { locale: AppLocale }): Promise<{ id: number }> {
  return withScope({ role: "service" }, async (tx) => {
    const { id } = await tx.message.create({
      data: { name: input.name ?? null, replyTo: input.replyTo ?? null, body: input.body, locale },
      select: { id: true },
    });
    await recordAudit(tx, { role: "RESIDENT" }, { action: "message.received", targetType: "Message", targetId: id, meta: { withReplyAddress: Boolean(input.replyTo) } });
    return { id };
  });
}
