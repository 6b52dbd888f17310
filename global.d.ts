import type { Messages } from "./lib/i18n/messages";
import type { AppLocale } from "./lib/i18n/locales";

// next-intl: message keys are checked by the type checker, in both languages' shape.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
