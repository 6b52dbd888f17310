import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ThankYou } from "@/components/thank-you";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("volunteerPage"))("thanksTitle") };
}

export default async function VolunteerThanksPage() {
  const t = await getTranslations("volunteerPage");
  return <ThankYou title={t("thanksTitle")} status={t("thanks")} backHome={t("backHome")} />;
}
