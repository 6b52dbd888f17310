import { getLocale, getTranslations } from "next-intl/server";
import type { PlainFormAction } from "@/lib/http/form-result";

/** The switch to the other language; `action` is setLocale (lib/i18n/locale-actions.ts), passed in by the layout. */
export async function LanguageSwitch({ action }: { action: PlainFormAction }) {
  const [t, locale] = await Promise.all([getTranslations("language"), getLocale()]);
  const other = locale === "nl" ? "en" : "nl";
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchToLabel")}
        className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
