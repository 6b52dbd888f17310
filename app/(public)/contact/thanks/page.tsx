import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ThankYou } from "@/components/thank-you";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactPage"))("thanksTitle") };
}

export default async function ContactThanksPage() {
  const t = await getTranslations("contactPage");
  return <ThankYou title={t("thanksTitle")} status={t("thanks")} backHome={t("backHome")} />;
}
