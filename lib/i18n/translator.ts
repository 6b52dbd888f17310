import { createTranslator } from "next-intl";
import type { AppLocale } from "./locales";
import { messagesFor } from "./messages";

/** Translations outside a request (mail, jobs): same messages, explicit locale. */
export function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: messagesFor(locale) });
}
