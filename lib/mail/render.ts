import { config } from "../config/env";
import type { AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";

export interface RenderedMail {
  template: string;
  subject: string;
  text: string;
}

/** Mail is plain text: readable everywhere, nothing to track, nothing to escape. */
export type MailTemplate =
  | "signIn"
  | "staffInvite"
  | "messageReply"
  | "assignmentDigest"
  | "violationReported"
  | "reconfirm"
  | "memberCheck"
  | "memberCheckReminder"
  | "applicationReceived"
  | "applicationWaiting"
  | "manageLink"
  | "emailChangedNotice"
  | "volunteerReceived"
  | "groupStarted";

export function renderMail(
  template: MailTemplate,
  locale: AppLocale,
  values: Record<string, string | number>,
): RenderedMail {
  const t = translatorFor(locale);
  const { ORGANISATION_NAME, MAILBOX_ADDRESS } = config();
  const common = { organisation: ORGANISATION_NAME, mailbox: MAILBOX_ADDRESS, ...values };
  return {
    template,
    subject: t(`mail.${template}.subject`, common),
    text: `${t(`mail.${template}.body`, common)}\n\n-- \n${t("mail.signature", common)}\n`,
  };
}
