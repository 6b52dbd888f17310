import en from "./messages/en";
import nl from "./messages/nl";
import type { AppLocale } from "./locales";

export type Messages = typeof nl;

const ALL: Record<AppLocale, Messages> = { nl, en };

export function messagesFor(locale: AppLocale): Messages {
  return ALL[locale];
}
