import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("checkTitle")}</h1>
      <p role="status">{t("checkBody")}</p>
      <p>{t("checkAgain")}</p>
      <Link href="/sign-in" className="font-medium text-brand-700 underline">
        {t("requestNew")}
      </Link>
    </section>
  );
}
