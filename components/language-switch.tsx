import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/set-locale";

export async function LanguageSwitch() {
  const [t, locale] = await Promise.all([getTranslations("language"), getLocale()]);
  const other = locale === "nl" ? "en" : "nl";
  return (
    <form action={setLocale}>
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
