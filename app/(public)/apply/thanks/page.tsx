import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink, PageTitle } from "@/components/prose";
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
    <article className="space-y-5">
      <PageTitle>{waiting ? t("waitingTitle") : t("thanksTitle")}</PageTitle>
      <p role="status" className="text-lg">
        {waiting ? t("waiting", { neighbourhood: NEIGHBOURHOOD_NAME }) : t("thanksReceived")}
      </p>
      <p>{mail === "1" ? t("thanksMail") : t("thanksNoMail", { mailbox: MAILBOX_ADDRESS })}</p>
      {waiting && (
        <div className="space-y-3 rounded bg-brand-50 p-4">
          <p>{t("waitingVolunteer")}</p>
          <ButtonLink href="/volunteer">{t("waitingVolunteerLink")}</ButtonLink>
        </div>
      )}
      <p>
        <Link href="/" prefetch={false} className="text-brand-700 underline">
          {t("backHome")}
        </Link>
      </p>
    </article>
  );
}
