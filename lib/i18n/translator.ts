import { createTranslator } from "next-intl";
import type { AppLocale } from "./locales";
import { messagesFor } from "./messages";

type Translator = ReturnType<typeof createTranslator<ReturnType<typeof messagesFor>>>;
const translators = new Map<AppLocale, Translator>();

/**
 * Translations outside a request (mail, jobs, texts built per person): same messages, explicit
 * locale. One translator per locale for the process — the messages never change while it runs,
 * and building one costs about seven times a lookup (issue 15: the contact page built one per person).
 */
export function translatorFor(locale: AppLocale): Translator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator({ locale, messages: messagesFor(locale) })));
  return t;
}
