import { getTranslations } from "next-intl/server";
import { StaffHeader } from "@/components/staff-header";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { languageChoices } from "@/lib/i18n/language-choices";
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
    const [t, viewer, locale] = await Promise.all([getTranslations(), getViewer(), getAppLocale()]);
    const navigation = staffNavigation(viewer).map((group) => ({
      id: group.group,
      label: t(group.label),
      links: group.links.map((link) => ({ href: link.route, label: t(link.label) })),
    }));
    const texts = {
      organisation: config().ORGANISATION_NAME,
      skip: t("nav.skip"),
      signedInAs: viewer ? `${t("staff.nav.signedInAs", { name: viewer.name ?? viewer.email })} · ${t(`staff.roles.${viewer.role}`)}` : undefined,
      signOut: t("staff.nav.signOut"),
      navLabel: t("staff.nav.label"),
    };
    return (
      <>
        <StaffHeader texts={texts} languages={languageChoices(locale)} navigation={navigation} setLocale={setLocale} signOut={signOutAction} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </>
    );
  });
}
