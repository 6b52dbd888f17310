import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/prose";
import { PublicForm } from "@/components/public-form";
import { applyForGroup } from "@/lib/applications/apply-actions";
import { prefillStreet, STREET_PARAM } from "@/lib/flyers/flyer-link";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from "@/lib/public-forms/form-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("applyPage"))("title") };
}

/** `?straat=Kerkstraat` (a flyer's QR code) fills in the street when it is a plausible street name. */
export default async function ApplyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const street = prefillStreet((await searchParams)[STREET_PARAM]);
  const t = await getTranslations("applyPage");
  const f = await getTranslations("publicForms");
  return (
    <article className="space-y-6">
      <PageTitle>{t("heading")}</PageTitle>
      <p className="text-lg">{t("intro")}</p>
      <p>{t("privacyNote")}</p>
      <PublicForm
        action={applyForGroup}
        label={t("formLabel")}
        submit={t("submit")}
        optional={f("optional")}
        hidden={{ [FORM_TOKEN_FIELD]: issueFormToken("apply") }}
        initial={street ? { street } : undefined}
        honeypot={{ name: HONEYPOT_FIELD, label: f("honeypot") }}
        fields={[
          { name: "name", label: t("name"), hint: t("nameHint"), required: true, autoComplete: "name" },
          { name: "mobile", label: t("mobile"), hint: t("mobileHint"), required: true, type: "tel", autoComplete: "tel", inputMode: "tel" },
          { name: "street", label: t("street"), required: true, autoComplete: "address-line1" },
          { name: "houseNumber", label: t("houseNumber"), hint: t("houseNumberHint"), required: true, half: true, autoComplete: "address-line2" },
          { name: "postcode", label: t("postcode"), hint: t("postcodeHint"), required: true, half: true, autoComplete: "postal-code" },
          { name: "email", label: t("email"), hint: t("emailHint"), type: "email", autoComplete: "email", inputMode: "email" },
          {
            name: "acceptRules",
            label: t("acceptRules"),
            type: "checkbox",
            required: true,
            extra: (
              <p className="pl-8 text-sm">
                <Link href="/rules" prefetch={false} className="text-brand-700 underline">
                  {t("rulesLink")}
                </Link>
                {" · "}
                <Link href="/privacy" prefetch={false} className="text-brand-700 underline">
                  {t("privacyLink")}
                </Link>
              </p>
            ),
          },
        ]}
      />
    </article>
  );
}
