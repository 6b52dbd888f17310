import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NeighbourhoodTextsForm } from "@/components/neighbourhood-texts-form";
import { requirePage } from "@/lib/auth/guards";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { LOCALES } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { activeSubareaNames } from "@/lib/subareas/active-subarea-names";
import { saveNeighbourhoodTextsAction } from "@/lib/neighbourhood/neighbourhood-actions";
import { loadNeighbourhoodTexts } from "@/lib/neighbourhood/neighbourhood-texts";
import { NEIGHBOURHOOD_TEXT_KEYS, NEIGHBOURHOOD_TEXT_MAX } from "@/lib/neighbourhood/neighbourhood-texts.schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.settings") };
}

export default async function NeighbourhoodSettingsPage() {
  return pageWhenDatabaseDown(async () => {
    await requirePage("/staff/settings");
    const [t, v, texts, subareas] = await Promise.all([getTranslations("staff.settingsPage"), getTranslations("vocabulary"), loadNeighbourhoodTexts(), activeSubareaNames()]);
    // What the public pages print around each text, so the example reads as the page will.
    const context = (key: (typeof NEIGHBOURHOOD_TEXT_KEYS)[number]) =>
      Object.fromEntries(
        LOCALES.map((locale) => {
          const p = translatorFor(locale);
          const around = {
            coveredArea: { before: p("home.areaHeading"), after: subareas.length ? p("home.area", { count: subareas.length }) : p("home.areaNone") },
            uncoveredArea: { after: `${p("home.south")} ${p("home.southLink")}.` },
            volunteerIntro: { before: p("volunteerPage.title") },
            volunteerStreetsExample: { before: p("volunteerPage.streets") },
          };
          return [locale, around[key]];
        }),
      );
    const languages = LOCALES.map((locale) => ({ locale, label: v(`languages.${locale}`) }));
    return (
      <section className="space-y-6">
        <header className="max-w-3xl space-y-2">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p>{t("intro")}</p>
          <p className="text-sm text-slate-600">{t("defaultNote")}</p>
        </header>
        <NeighbourhoodTextsForm
          action={saveNeighbourhoodTextsAction}
          languages={languages}
          labels={{ save: t("save"), saved: t("saved"), preview: t("preview"), form: t("title") }}
          texts={NEIGHBOURHOOD_TEXT_KEYS.map((key) => ({
            key,
            label: t(`keys.${key}.label`),
            where: t(`keys.${key}.where`),
            max: NEIGHBOURHOOD_TEXT_MAX[key],
            values: texts[key],
            context: context(key),
          }))}
        />
      </section>
    );
  });
}
