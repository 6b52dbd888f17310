import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { requestSignInLink } from "@/lib/auth/sign-in-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("signIn");
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  return (
    <section className="max-w-xl space-y-5">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {params.signedOut && (
        <p role="status" className="rounded bg-brand-50 p-3">
          {t("signedOut")}
        </p>
      )}
      <p>{t("intro")}</p>
      <SignInForm action={requestSignInLink} callbackUrl={callbackUrl} labels={{ email: t("email"), submit: t("submit") }} />
      <p className="text-sm text-slate-600">{t("residentNote")}</p>
    </section>
  );
}
