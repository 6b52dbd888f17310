import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundView } from "@/components/not-found-view";
import { siteHeaderTexts } from "@/components/site-header";
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
  const [t, header] = await Promise.all([getTranslations("errorPages.notFound"), siteHeaderTexts()]);
  // Signed-in staff get a way back to their own overview; a database that is down just means no such link.
  const viewer = await getViewer().catch(() => null);
  const links = [{ href: "/", label: t("home") }, viewer ? { href: "/staff", label: t("staff") } : { href: "/apply", label: t("apply") }];
  return <NotFoundView header={header} setLocale={setLocale} texts={{ title: t("title"), body: t("body"), links }} />;
}
