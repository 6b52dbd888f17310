import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { config } from "@/lib/config/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const { ORGANISATION_NAME, NEIGHBOURHOOD_NAME } = config();
  return {
    title: { default: t("title", { organisation: ORGANISATION_NAME }), template: `%s · ${ORGANISATION_NAME}` },
    description: t("description", { neighbourhood: NEIGHBOURHOOD_NAME }),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        {/* Client components get only the error pages' texts (an error boundary must be one). */}
        <NextIntlClientProvider locale={locale} messages={{ errorPages: messagesFor(isLocale(locale) ? locale : "nl").errorPages }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
