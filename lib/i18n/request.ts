import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";
import { messagesFor } from "./messages";

// No locale in the URL: Dutch unless the visitor chose English (a cookie set by the switch).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, messages: messagesFor(locale), timeZone: "Europe/Amsterdam" };
});
