import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PrivacyDocumentView } from "@/components/privacy/privacy-document-view";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { privacyStatement } from "@/lib/privacy/privacy-statement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.statement");
  return { title: t("title") };
}

/** Generated from the retention policy and the processing register (lib/privacy/privacy-statement.ts). */
export default async function PrivacyPage() {
  const [locale, t] = await Promise.all([getAppLocale(), getTranslations("privacy.statement")]);
  return (
    <PrivacyDocumentView
      document={privacyStatement(locale)}
      footer={
        <p>
          <Link href="/privacy/register" className="text-brand-700 underline">
            {t("registerLink")}
          </Link>
        </p>
      }
    />
  );
}
