import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulletList, PageTitle, Section } from "@/components/prose";
import { PublicForm } from "@/components/public-form";
import { offerToVolunteer } from "@/lib/expansion/volunteer-actions";
import { prefillStreet, STREET_PARAM } from "@/lib/flyers/flyer-link";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { neighbourhoodTextsIn } from "@/lib/neighbourhood/neighbourhood-texts";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from "@/lib/public-forms/form-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("volunteerPage"))("title") };
}

/** `?straat=Zuiderlaan` (a flyer's QR code) fills in the streets when it is a plausible street name. */
export default async function VolunteerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const street = prefillStreet((await searchParams)[STREET_PARAM]);
    const t = await getTranslations("volunteerPage");
    const f = await getTranslations("publicForms");
    const texts = await neighbourhoodTextsIn(await getAppLocale());
    return (
      <article className="space-y-6">
        <PageTitle>{t("title")}</PageTitle>
        <p className="text-lg">{texts.volunteerIntro}</p>
        <Section id="what" title={t("whatHeading")}>
          <BulletList items={[t("what1"), t("what2"), t("what3")]} />
          <p>{t("effort")}</p>
        </Section>
        <PublicForm
          action={offerToVolunteer}
          label={t("formLabel")}
          submit={t("submit")}
          optional={f("optional")}
          hidden={{ [FORM_TOKEN_FIELD]: issueFormToken("volunteer") }}
          initial={street ? { streets: street } : undefined}
          honeypot={{ name: HONEYPOT_FIELD, label: f("honeypot") }}
          fields={[
            { name: "name", label: t("name"), required: true, autoComplete: "name" },
            { name: "mobile", label: t("mobile"), hint: t("mobileHint"), required: true, type: "tel", autoComplete: "tel", inputMode: "tel" },
            { name: "email", label: t("email"), hint: t("emailHint"), required: true, type: "email", autoComplete: "email", inputMode: "email" },
            { name: "streets", label: t("streets"), hint: texts.volunteerStreetsExample, required: true, type: "textarea" },
            { name: "remark", label: t("remark"), type: "textarea" },
          ]}
        />
      </article>
    );
  });
}
