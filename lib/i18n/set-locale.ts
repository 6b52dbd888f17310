"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "./locales";

/** The language switch: a plain form post, so it works without JavaScript. */
export async function setLocale(formData: FormData): Promise<void> {
  // Called by hand with anything but a form: no change, back to the page.
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
  redirect(sameSitePath((await headers()).get("referer")));
}

/** Back to the page the visitor came from, but only ever a path on this site. */
function sameSitePath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer, "http://placeholder");
    return url.pathname.startsWith("/") && !url.pathname.startsWith("//") ? url.pathname + url.search : "/";
  } catch {
    return "/";
  }
}
