import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ThankYou } from "@/components/thank-you";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managePage"))("erasedTitle"), robots: { index: false } };
}

export default async function ErasedPage() {
  const t = await getTranslations("managePage");
  const a = await getTranslations("applyPage");
  return <ThankYou title={t("erasedTitle")} status={t("erased")} backHome={a("backHome")} />;
}
