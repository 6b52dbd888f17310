import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/prose";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactPage"))("thanksTitle") };
}

export default async function ContactThanksPage() {
  const t = await getTranslations("contactPage");
  return (
    <article className="space-y-5">
      <PageTitle>{t("thanksTitle")}</PageTitle>
      <p role="status" className="text-lg">
        {t("thanks")}
      </p>
      <p>
        <Link href="/" prefetch={false} className="text-brand-700 underline">
          {t("backHome")}
        </Link>
      </p>
    </article>
  );
}
