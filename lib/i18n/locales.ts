export const LOCALES = ["nl", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "nl";

/**
 * Per language: the BCP 47 tag dates and numbers are formatted with (Intl) and a PDF declares.
 * A new language fails the type check here until it is set, instead of silently falling back to
 * Dutch in each formatter. (A language's own name is `language.ownName` in its messages.)
 */
export const INTL_LOCALE = { nl: "nl-NL", en: "en-GB" } as const satisfies Record<AppLocale, string>;
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
