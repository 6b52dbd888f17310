"use client";

import Link from "next/link";
import type { PlainFormAction } from "@/lib/http/form-result";
import type { LanguageChoice } from "@/lib/i18n/language-choices";
import { LanguageSwitch } from "./language-switch";
import { SkipLink } from "./skip-link";

/** What the public header shows, in the visitor's language (built by site-header.tsx). */
export interface SiteHeaderTexts {
  organisation: string;
  skip: string;
  navLabel: string;
  links: { href: string; label: string }[];
  languages: LanguageChoice[];
}

/**
 * The public site's header (skip link, name, language, menu), built from its texts: every page,
 * and the not-found boundary Next.js puts into every page, sends them as data rather than as
 * the header's markup (issue 15).
 */
export function SiteHeaderBar({ texts, setLocale }: { texts: SiteHeaderTexts; setLocale: PlainFormAction }) {
  return (
    <>
      <SkipLink label={texts.skip} />
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            {texts.organisation}
          </Link>
          <LanguageSwitch action={setLocale} languages={texts.languages} />
        </div>
        <nav aria-label={texts.navLabel} className="mx-auto max-w-3xl px-4 pb-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {texts.links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} prefetch={false} className="nav-link py-1">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}
