export const LOCALES = ["nl", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "nl";

/**
 * Per language: the BCP 47 tag dates and numbers are formatted with (Intl) and a PDF declares,
 * and the language's name in itself (a language menu shows it so). A new language fails the type
 * check here until both are set, instead of silently falling back to Dutch in each formatter.
 */
export const INTL_LOCALE = { nl: "nl-NL", en: "en-GB" } as const satisfies Record<AppLocale, string>;
export const LOCALE_NAME = { nl: "Nederlands", en: "English" } as const satisfies Record<AppLocale, string>;
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
