"use client";

import Link from "next/link";
import type { PlainFormAction } from "@/lib/http/form-result";
import { SiteHeaderBar, type SiteHeaderTexts } from "./site-header-bar";

/**
 * The not-found page (app/not-found.tsx) built from its texts. Next.js renders the not-found
 * boundary into every page's payload, twice, whether it is shown or not: as data it costs a
 * few hundred bytes a copy instead of its markup (issue 15).
 */
export function NotFoundView({
  header,
  setLocale,
  texts,
}: {
  header: SiteHeaderTexts;
  setLocale: PlainFormAction;
  texts: { title: string; body: string; links: { href: string; label: string }[] };
}) {
  return (
    <>
      <SiteHeaderBar texts={header} setLocale={setLocale} />
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-bold">{texts.title}</h1>
        <p>{texts.body}</p>
        <ul className="list-disc space-y-1 pl-5">
          {texts.links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} prefetch={false} className="text-brand-700 underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
