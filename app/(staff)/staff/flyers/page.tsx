import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass, fieldClass } from "@/components/form-field";
import { requirePage } from "@/lib/auth/guards";
import { listFlyerChoices } from "@/lib/flyers/flyer-targets";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { LOCALES } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("flyers"))("title") };
}

/**
 * Flyers and posters (coordinators): a form that downloads the PDF from /api/staff/flyers. A plain
 * GET form, so it works without JavaScript and the browser saves the file.
 */
export default async function FlyersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/flyers");
    const [t, v, locale, choices, params] = await Promise.all([getTranslations("flyers"), getTranslations("vocabulary"), getLocale(), listFlyerChoices(viewer), searchParams]);
    const invalid = params.error === "choice";
    const empty = choices.subareas.length === 0 && choices.uncovered.length === 0;
    return (
      <section className="max-w-2xl space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p>{t("intro")}</p>
        </header>
        <div aria-live="polite">
          {invalid && (
            <p role="alert" className="rounded border-l-4 border-alert-700 bg-red-50 p-3 font-medium text-alert-700">
              {t("invalid")}
            </p>
          )}
        </div>
        {empty ? (
          <p>{t("noTargets")}</p>
        ) : (
          <form method="get" action="/api/staff/flyers" aria-label={t("formLabel")} className="space-y-5">
            <div className="space-y-1">
              <label htmlFor="target" className="block font-medium">
                {t("target")}
              </label>
              <p id="target-hint" className="text-sm text-slate-600">
                {t("targetHint")}
              </p>
              <select id="target" name="target" required aria-describedby="target-hint" className={fieldClass}>
                {choices.subareas.length > 0 && (
                  <optgroup label={t("subareasGroup")}>
                    {choices.subareas.flatMap((subarea) =>
                      subarea.choices.map((choice) => (
                        <option key={choice.key} value={choice.key}>
                          {choice.target.street ? t("streetInSubarea", { street: choice.target.street, subarea: subarea.name }) : t("wholeSubarea", { subarea: subarea.name })}
                        </option>
                      )),
                    )}
                  </optgroup>
                )}
                {choices.uncovered.length > 0 && (
                  <optgroup label={t("uncoveredGroup")}>
                    {choices.uncovered.map((choice) => (
                      <option key={choice.key} value={choice.key}>
                        {choice.target.street}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>
            <fieldset className="space-y-1">
              <legend className="font-medium">{t("format")}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-1">
                {(["A5", "A4"] as const).map((format, i) => (
                  <label key={format} className="inline-flex items-center gap-2">
                    <input type="radio" name="format" value={format} defaultChecked={i === 0} className="size-4" />
                    {t(format === "A5" ? "formatA5" : "formatA4")}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="font-medium">{t("language")}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-1">
                {LOCALES.map((lang) => (
                  <label key={lang} className="inline-flex items-center gap-2">
                    <input type="radio" name="lang" value={lang} defaultChecked={lang === locale} className="size-4" />
                    {v(`languages.${lang}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <p className="text-sm text-slate-700">{t("privacyNote")}</p>
            <button type="submit" className={buttonClass}>
              {t("submit")}
            </button>
          </form>
        )}
      </section>
    );
  });
}
