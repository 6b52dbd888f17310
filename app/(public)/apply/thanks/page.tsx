import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/prose";
import { ThankYou } from "@/components/thank-you";
import { config } from "@/lib/config/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("applyPage"))("thanksTitle") };
}

/** After applying. What it says follows from what the resident typed, never from what was known. */
export default async function ApplyThanksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("applyPage");
  const { area, mail } = await searchParams;
  const { NEIGHBOURHOOD_NAME, MAILBOX_ADDRESS } = config();
  const waiting = area === "waiting";
  return (
    <ThankYou
      title={waiting ? t("waitingTitle") : t("thanksTitle")}
      status={waiting ? t("waiting", { neighbourhood: NEIGHBOURHOOD_NAME }) : t("thanksReceived")}
      backHome={t("backHome")}
    >
      <p>{mail === "1" ? t("thanksMail") : t("thanksNoMail", { mailbox: MAILBOX_ADDRESS })}</p>
      {waiting && (
        <div className="space-y-3 rounded bg-brand-50 p-4">
          <p>{t("waitingVolunteer")}</p>
          <ButtonLink href="/volunteer">{t("waitingVolunteerLink")}</ButtonLink>
        </div>
      )}
    </ThankYou>
  );
}
