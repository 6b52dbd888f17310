import type { AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";

export interface WelcomeValues {
  name: string;
  subarea: string;
  /** The group's invite link; without one the message leaves that sentence out. */
  inviteLink: string | null;
}

/**
 * The first message a contact person sends a new member, in the member's own language: what the
 * group is for, the 112-first rule, no social messages, and how to join.
 */
export function welcomeText(locale: AppLocale, values: WelcomeValues): string {
  const t = translatorFor(locale);
  return values.inviteLink
    ? t("groupWelcome.withLink", { name: values.name, subarea: values.subarea, link: values.inviteLink })
    : t("groupWelcome.withoutLink", { name: values.name, subarea: values.subarea });
}

/** WhatsApp's click-to-chat link: the number as digits only (from E.164), the text prefilled. */
export function whatsappUrl(mobile: string, text: string): string {
  return `https://wa.me/${mobile.replace(/\D/g, "")}?text=${encodeURIComponent(text)}`;
}
