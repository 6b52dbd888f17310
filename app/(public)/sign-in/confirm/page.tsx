import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("confirmTitle"), robots: { index: false } };
}

/**
 * Where a mailed sign-in link lands. Opening it spends nothing (mail scanners open links before
 * the person does); the button posts the token to Auth.js's callback, which signs in. A plain
 * form, so it works without JavaScript.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? (params[name] as string).slice(0, 2048) : "");
  const token = one("token");
  const email = one("email");
  const callbackUrl = one("callbackUrl");
  // The address is shown on the page: only a real address, never other text someone put in a URL.
  if (!token || !z.email().max(254).safeParse(email).success) {
    return (
      <section className="max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
        <p role="alert">{t("errorDefault")}</p>
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t("requestNew")}
        </Link>
      </section>
    );
  }
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("confirmTitle")}</h1>
      <p>{t("confirmBody", { email })}</p>
      <form method="post" action="/api/auth/callback/nodemailer">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("confirmSubmit")}
        </button>
      </form>
    </section>
  );
}
