import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { SkipLink } from "@/components/skip-link";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import { setLocale } from "@/lib/i18n/locale-actions";
import { getViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config/env";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

/** The staff shell. It only shows navigation; every page checks the viewer's role itself. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  return pageWhenDatabaseDown(async () => {
    const [t, viewer] = await Promise.all([getTranslations(), getViewer()]);
    const links =
      viewer?.role === "COORDINATOR"
        ? [
            { href: "/staff", label: t("staff.nav.dashboard") },
            { href: "/staff/applications", label: t("staff.nav.applications") },
            { href: "/staff/messages", label: t("staff.nav.messages") },
            { href: "/staff/subareas", label: t("staff.nav.subareas") },
            { href: "/staff/coverage", label: t("staff.nav.coverage") },
            { href: "/staff/report", label: t("report.nav") },
            { href: "/staff/expansion", label: t("staff.nav.expansion") },
            { href: "/staff/flyers", label: t("flyers.nav") },
            { href: "/staff/staff", label: t("staff.nav.staff") },
            { href: "/staff/settings", label: t("staff.nav.settings") },
            { href: "/staff/violations", label: t("violations.nav") },
            { href: "/staff/intake", label: t("intake.nav.mail") },
            { href: "/staff/import", label: t("intake.nav.import") },
            { href: "/staff/audit", label: t("staff.nav.audit") },
            { href: "/staff/privacy", label: t("staffPrivacy.nav") },
          ]
        : viewer?.role === "CONTACT_PERSON"
          ? [{ href: "/staff/group", label: t("staff.nav.group") }]
          : [];
    return (
      <>
        <SkipLink label={t("nav.skip")} />
        <header className="bg-slate-800 text-white">
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
          {links.length > 0 && (
            <nav aria-label={t("staff.nav.label")} className="mx-auto max-w-6xl px-4 pb-2">
              <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="underline-offset-4 hover:underline">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </>
    );
  });
}
