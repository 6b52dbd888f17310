import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/prose";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managePage"))("erasedTitle"), robots: { index: false } };
}

export default async function ErasedPage() {
  const t = await getTranslations("managePage");
  const a = await getTranslations("applyPage");
  return (
    <article className="space-y-5">
      <PageTitle>{t("erasedTitle")}</PageTitle>
      <p role="status">{t("erased")}</p>
      <p>
        <Link href="/" prefetch={false} className="text-brand-700 underline">
          {a("backHome")}
        </Link>
      </p>
    </article>
  );
}
