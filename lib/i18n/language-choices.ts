import { LOCALES, type AppLocale } from "./locales";
import { translatorFor } from "./translator";

/** One language the visitor can switch to, in that language's own words. */
export interface LanguageChoice {
  locale: AppLocale;
  /** Its own name ("English"): `language.ownName` of its messages. */
  name: string;
  /** "Switch to English", in English: `language.switchToThis` of its messages. */
  switchLabel: string;
}

/**
 * Every language other than `current`, each named in its own language, so a new language needs
 * no change to the headers that offer the switch (components/language-switch.tsx).
 */
export function languageChoices(current: AppLocale): LanguageChoice[] {
  return LOCALES.filter((other) => other !== current).map((locale) => {
    const t = translatorFor(locale);
    return { locale, name: t("language.ownName"), switchLabel: t("language.switchToThis") };
  });
}
