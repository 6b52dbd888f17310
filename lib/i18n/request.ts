import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";
import { sharedMessageCache } from "./message-cache";
import { messagesFor } from "./messages";

// No locale in the URL: Dutch unless the visitor chose English (a cookie set by the switch).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  // `_cache` is not in next-intl's RequestConfig type; next-intl spreads the whole config into each translator.
  const config = { locale, messages: messagesFor(locale), timeZone: "Europe/Amsterdam", _cache: sharedMessageCache };
  return config;
});
