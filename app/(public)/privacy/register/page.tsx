import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PrivacyDocumentView } from "@/components/privacy/privacy-document-view";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { processingRegister } from "@/lib/privacy/privacy-statement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.register");
  return { title: t("title") };
}

/**
 * The register of processing activities (AVG art. 30), public on purpose: it holds nothing
 * secret, and publishing it lets residents check the same overview the regulator may ask for.
 */
export default async function ProcessingRegisterPage() {
  const [locale, t] = await Promise.all([getAppLocale(), getTranslations("privacy.statement")]);
  return (
    <PrivacyDocumentView
      document={processingRegister(locale)}
      footer={
        <p>
          <Link href="/privacy" className="text-brand-700 underline">
            {t("statementLink")}
          </Link>
        </p>
      }
    />
  );
}
