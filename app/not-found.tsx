import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { setLocale } from "@/lib/i18n/locale-actions";
import { getViewer } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorPages.notFound"))("title"), robots: { index: false } };
}

/**
 * Every "not found" of the site (HTTP 404): an address that matches nothing, a record that does
 * not exist, and a staff page or record the viewer's role may not open — all three look the
 * same, so nobody learns what exists. In the visitor's language, with the site's header.
 */
export default async function NotFound() {
  const t = await getTranslations("errorPages.notFound");
  // Signed-in staff get a way back to their own overview; a database that is down just means no such link.
  const viewer = await getViewer().catch(() => null);
  return (
    <>
      <SiteHeader setLocale={setLocale} />
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("body")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/" prefetch={false} className="text-brand-700 underline">
              {t("home")}
            </Link>
          </li>
          {viewer ? (
            <li>
              <Link href="/staff" prefetch={false} className="text-brand-700 underline">
                {t("staff")}
              </Link>
            </li>
          ) : (
            <li>
              <Link href="/apply" prefetch={false} className="text-brand-700 underline">
                {t("apply")}
              </Link>
            </li>
          )}
        </ul>
      </main>
    </>
  );
}
