"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { formAction } from "../http/server-action";
import { LOCALE_COOKIE, LOCALES } from "./locales";

/** The language switch: a plain form post, so it works without JavaScript. Back to the page either way. */
export const setLocale = formAction({
  public: {},
  schema: z.object({ locale: z.enum(LOCALES).optional().catch(undefined) }),
  refused: () => "/",
  run: async ({ locale }) => {
    if (locale) (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    return { redirect: sameSitePath((await headers()).get("referer")) };
  },
});

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
