import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "./locales";

/**
 * The request's language as one of ours (lib/i18n/request.ts chose it from the cookie), for
 * server code that needs the type rather than next-intl's string. Falls back to Dutch.
 */
export async function getAppLocale(): Promise<AppLocale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
