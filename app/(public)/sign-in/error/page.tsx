import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Auth.js sends failed sign-ins here with ?error=…: a used or expired link is "Verification". */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const t = await getTranslations("signIn");
  const { error } = await searchParams;
  const message =
    error === "Verification" ? t("errorVerification") : error === "AccessDenied" ? t("errorAccessDenied") : t("errorDefault");
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p role="alert">{message}</p>
      <Link href="/sign-in" className="font-medium text-brand-700 underline">
        {t("requestNew")}
      </Link>
    </section>
  );
}
