import "server-only";
import { recordAudit } from "../audit/record-audit";
import { withScope } from "../db";
import type { AppLocale } from "../i18n/locales";
import { enqueueMail, mayMailUnconfirmed } from "../mail/enqueue-mail";
import { renderMail } from "../mail/render";
import type { VolunteerInput } from "./volunteer.schema";

/** A volunteer's offer becomes an expansion request (NEW) and a confirmation mail, together. */
export async function submitExpansionRequest(input: VolunteerInput, { locale }: { locale: AppLocale }): Promise<{ id: number }> {
  return withScope({ role: "service" }, async (tx) => {
    const { id } = await tx.expansionRequest.create({
      data: { name: input.name, mobile: input.mobile, email: input.email, streets: input.streets, remark: input.remark ?? null, locale },
      select: { id: true },
    });
    await recordAudit(tx, { role: "RESIDENT" }, { action: "expansion.requested", targetType: "ExpansionRequest", targetId: id });
    // To an address nobody has confirmed: nothing the visitor typed is in the mail.
    if (await mayMailUnconfirmed(tx, input.email, "volunteerReceived")) await enqueueMail(tx, { to: input.email, ...renderMail("volunteerReceived", locale, {}) });
    return { id };
  });
}
