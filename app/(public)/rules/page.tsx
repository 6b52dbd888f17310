import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink, EmergencyNote, PageTitle, Section } from "@/components/prose";
import { RULES_VERSION } from "@/lib/applications/rules-version";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rulesPage"))("title") };
}

const SAAR = [
  ["s", "sText"],
  ["a1", "a1Text"],
  ["a2", "a2Text"],
  ["r", "rText"],
] as const;
const RULES = ["rule1", "rule2", "rule3", "rule4", "rule5", "rule6"] as const;

export default async function RulesPage() {
  const t = await getTranslations("rulesPage");
  return (
    <article className="space-y-8">
      <div className="space-y-4">
        <PageTitle>{t("title")}</PageTitle>
        <p className="text-lg">{t("intro", { version: RULES_VERSION })}</p>
      </div>
      <Section id="saar" title={t("saarHeading")}>
        <ol className="space-y-4">
          {SAAR.map(([term, text], index) => (
            <li key={term} className="flex gap-4">
              <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white">
                {t(term).charAt(0)}
              </span>
              <div>
                <p className="font-semibold">
                  <span className="sr-only">{index + 1}. </span>
                  {t(term)}
                </p>
                <p>{t(text)}</p>
              </div>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="house" title={t("houseHeading")}>
        <ul className="list-disc space-y-1 pl-6">
          {RULES.map((rule) => (
            <li key={rule}>{t(rule)}</li>
          ))}
        </ul>
      </Section>
      <Section id="example" title={t("exampleHeading")}>
        <EmergencyNote>{t("example")}</EmergencyNote>
      </Section>
      <ButtonLink href="/apply">{t("applyLink")}</ButtonLink>
    </article>
  );
}
