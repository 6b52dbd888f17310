import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { setLocale } from "@/lib/i18n/locale-actions";
import { config } from "@/lib/config/env";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  const { MAILBOX_ADDRESS } = config();
  return (
    <>
      <SiteHeader setLocale={setLocale} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl space-y-2 border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
        <p className="font-medium">{t("footer.emergency")}</p>
        <p>{t("footer.mailbox", { mailbox: MAILBOX_ADDRESS })}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link href="/contact" prefetch={false} className="underline">
              {t("footer.contact")}
            </Link>
          </li>
          <li>
            <Link href="/privacy" prefetch={false} className="underline">
              {t("footer.privacy")}
            </Link>
          </li>
        </ul>
      </footer>
    </>
  );
}
