import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { SkipLink } from "@/components/skip-link";
import { StaffNav } from "@/components/staff-nav";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import { setLocale } from "@/lib/i18n/locale-actions";
import { staffNavigation } from "@/lib/auth/staff-navigation";
import { getViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config/env";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

/**
 * The staff shell. It only shows the navigation (the links the viewer's capabilities open,
 * lib/auth/staff-navigation.ts); every page checks the viewer's capability itself.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  return pageWhenDatabaseDown(async () => {
    const [t, viewer] = await Promise.all([getTranslations(), getViewer()]);
    const navigation = staffNavigation(viewer).map((group) => ({
      id: group.group,
      label: t(group.label),
      links: group.links.map((link) => ({ href: link.route, label: t(link.label) })),
    }));
    return (
      <>
        <SkipLink label={t("nav.skip")} />
        {/* The site's blue focus ring is hard to see on the dark header: white here. */}
        <header className="bg-slate-800 text-white [&_:focus-visible]:outline-white!">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/staff" className="text-lg font-semibold">
              {config().ORGANISATION_NAME}
            </Link>
            <div className="flex flex-wrap items-center gap-3">
              {viewer && (
                <span className="text-sm text-slate-200">
                  {t("staff.nav.signedInAs", { name: viewer.name ?? viewer.email })} · {t(`staff.roles.${viewer.role}`)}
                </span>
              )}
              <LanguageSwitch action={setLocale} />
              {viewer && (
                <form action={signOutAction}>
                  <button type="submit" className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium hover:bg-white/10">
                    {t("staff.nav.signOut")}
                  </button>
                </form>
              )}
            </div>
          </div>
          <StaffNav label={t("staff.nav.label")} groups={navigation} />
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </>
    );
  });
}
