import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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
      <body className="min-h-screen bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
}
