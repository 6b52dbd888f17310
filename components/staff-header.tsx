"use client";

import Link from "next/link";
import type { PlainFormAction } from "@/lib/http/form-result";
import type { LanguageChoice } from "@/lib/i18n/language-choices";
import { LanguageSwitch } from "./language-switch";
import { SkipLink } from "./skip-link";
import { StaffNav, type StaffNavGroup } from "./staff-nav";

/** What the staff header shows, in the viewer's language (built by the staff layout). */
export interface StaffHeaderTexts {
  organisation: string;
  skip: string;
  /** "Ingelogd als … · role"; absent when nobody is signed in. */
  signedInAs?: string;
  signOut: string;
  navLabel: string;
}

/**
 * The staff pages' header: name, who is signed in, language, sign-out, and the navigation the
 * viewer's capabilities open (lib/auth/staff-navigation.ts). Built from data, so every staff
 * page sends its texts and links rather than the header's markup (issue 15).
 */
export function StaffHeader({
  texts,
  languages,
  navigation,
  setLocale,
  signOut,
}: {
  texts: StaffHeaderTexts;
  languages: LanguageChoice[];
  navigation: StaffNavGroup[];
  setLocale: PlainFormAction;
  signOut: PlainFormAction;
}) {
  return (
    <>
      <SkipLink label={texts.skip} />
      {/* The site's blue focus ring is hard to see on the dark header: white here. */}
      <header className="bg-slate-800 text-white [&_:focus-visible]:outline-white!">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/staff" className="text-lg font-semibold">
            {texts.organisation}
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {texts.signedInAs && <span className="text-sm text-slate-200">{texts.signedInAs}</span>}
            <LanguageSwitch action={setLocale} languages={languages} />
            {texts.signedInAs && (
              <form action={signOut}>
                <button type="submit" className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium hover:bg-white/10">
                  {texts.signOut}
                </button>
              </form>
            )}
          </div>
        </div>
        <StaffNav label={texts.navLabel} groups={navigation} />
      </header>
    </>
  );
}
