import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import type { PlainFormAction } from "@/lib/http/form-result";
import { SkipLink } from "@/components/skip-link";
import { config } from "@/lib/config/env";

const NAV = [
  { href: "/", key: "home" },
  { href: "/apply", key: "apply" },
  { href: "/rules", key: "rules" },
  { href: "/tips", key: "tips" },
  { href: "/volunteer", key: "volunteer" },
  { href: "/contact", key: "contact" },
] as const;

/** The public site's header (skip link, name, language, menu): the public pages and the not-found page share it. */
export async function SiteHeader({ setLocale }: { setLocale: PlainFormAction }) {
  const t = await getTranslations();
  const { ORGANISATION_NAME } = config();
  return (
    <>
      <SkipLink label={t("nav.skip")} />
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            {ORGANISATION_NAME}
          </Link>
          <LanguageSwitch action={setLocale} />
        </div>
        <nav aria-label={t("nav.label")} className="mx-auto max-w-3xl px-4 pb-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {NAV.map(({ href, key }) => (
              <li key={href}>
                <Link href={href} prefetch={false} className="nav-link py-1">
                  {t(`nav.${key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}
