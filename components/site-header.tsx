import { cache } from "react";
import { getTranslations } from "next-intl/server";
import type { PlainFormAction } from "@/lib/http/form-result";
import { config } from "@/lib/config/env";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { languageChoices } from "@/lib/i18n/language-choices";
import { SiteHeaderBar, type SiteHeaderTexts } from "./site-header-bar";

const NAV = [
  { href: "/", key: "home" },
  { href: "/apply", key: "apply" },
  { href: "/rules", key: "rules" },
  { href: "/tips", key: "tips" },
  { href: "/volunteer", key: "volunteer" },
  { href: "/contact", key: "contact" },
] as const;

/**
 * The public header's texts in the visitor's language: for SiteHeader, and for the not-found
 * page's own view (built once per request, though a staff page holds two not-found boundaries).
 */
export const siteHeaderTexts = cache(async (): Promise<SiteHeaderTexts> => {
  const [t, locale] = await Promise.all([getTranslations(), getAppLocale()]);
  return {
    organisation: config().ORGANISATION_NAME,
    skip: t("nav.skip"),
    navLabel: t("nav.label"),
    links: NAV.map(({ href, key }) => ({ href, label: t(`nav.${key}`) })),
    languages: languageChoices(locale),
  };
});

/** The public site's header (skip link, name, language, menu) of every public page. */
export async function SiteHeader({ setLocale }: { setLocale: PlainFormAction }) {
  return <SiteHeaderBar texts={await siteHeaderTexts()} setLocale={setLocale} />;
}
