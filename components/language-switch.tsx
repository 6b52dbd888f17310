import { getLocale } from "next-intl/server";
import type { PlainFormAction } from "@/lib/http/form-result";
import { LOCALES } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * A button for every other language, each named in its own language (`language.ownName` and
 * `language.switchToThis` of that language's messages), so a new language needs no change here.
 * `action` is setLocale (lib/i18n/locale-actions.ts), passed in by the layout.
 */
export async function LanguageSwitch({ action }: { action: PlainFormAction }) {
  const locale = await getLocale();
  return (
    <>
      {LOCALES.filter((other) => other !== locale).map((other) => {
        const t = translatorFor(other);
        return (
          <form key={other} action={action}>
            <input type="hidden" name="locale" value={other} />
            <button
              type="submit"
              lang={other}
              aria-label={t("language.switchToThis")}
              className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
            >
              {t("language.ownName")}
            </button>
          </form>
        );
      })}
    </>
  );
}
