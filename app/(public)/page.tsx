import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BulletList, ButtonLink, EmergencyNote, PageTitle, Section } from "@/components/prose";
import { config } from "@/lib/config/env";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { neighbourhoodTextsIn } from "@/lib/neighbourhood/neighbourhood-texts";
import { activeSubareaNames } from "@/lib/subareas/active-subarea-names";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export default async function HomePage() {
  return pageWhenDatabaseDown(async () => {
    const t = await getTranslations("home");
    const { NEIGHBOURHOOD_NAME, MUNICIPALITY_NAME } = config();
    const [subareas, texts] = await Promise.all([activeSubareaNames(), neighbourhoodTextsIn(await getAppLocale())]);
    return (
      <article className="space-y-8">
        <div className="space-y-4">
          <PageTitle>{t("heading", { neighbourhood: NEIGHBOURHOOD_NAME })}</PageTitle>
          <p className="text-lg">{t("intro", { neighbourhood: NEIGHBOURHOOD_NAME })}</p>
          <EmergencyNote>{t("emergency")}</EmergencyNote>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href="/apply">{t("ctaApply")}</ButtonLink>
            <ButtonLink href="/rules" secondary>
              {t("ctaRules")}
            </ButtonLink>
          </div>
        </div>
        <Section id="purpose" title={t("purposeHeading")}>
          <p>{t("purpose")}</p>
          <p>{t("purposeNot")}</p>
        </Section>
        <Section id="area" title={t("areaHeading")}>
          {subareas.length > 0 ? (
            <>
              <p>
                {texts.coveredArea} {t("area", { count: subareas.length })}
              </p>
              <BulletList items={subareas} />
            </>
          ) : (
            <p>
              {texts.coveredArea} {t("areaNone")}
            </p>
          )}
          <p>
            {texts.uncoveredArea} {t("south")}{" "}
            <Link href="/volunteer" prefetch={false} className="font-medium text-brand-700 underline">
              {t("southLink")}
            </Link>
            .
          </p>
        </Section>
        <Section id="how" title={t("howHeading")}>
          <ol className="list-decimal space-y-1 pl-6">
            <li>{t("how1")}</li>
            <li>{t("how2")}</li>
            <li>{t("how3")}</li>
            <li>{t("how4")}</li>
          </ol>
        </Section>
        <Section id="support" title={t("supportHeading")}>
          <p>{t("support", { municipality: MUNICIPALITY_NAME })}</p>
          <p>
            <Link href="/tips" prefetch={false} className="font-medium text-brand-700 underline">
              {t("tipsLink")}
            </Link>
          </p>
        </Section>
      </article>
    );
  });
}
