import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { config } from "@/lib/config/env";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  const { ORGANISATION_NAME, MAILBOX_ADDRESS } = config();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t("nav.skip")}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            {ORGANISATION_NAME}
          </Link>
          <LanguageSwitch />
        </div>
        <nav aria-label={t("nav.label")} className="mx-auto max-w-3xl px-4 pb-2">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <Link href="/" className="underline-offset-4 hover:underline">
                {t("nav.home")}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600">
        {t("footer.mailbox", { mailbox: MAILBOX_ADDRESS })}{" "}
        <Link href="/privacy" className="underline">
          {t("footer.privacy")}
        </Link>
      </footer>
    </>
  );
}
