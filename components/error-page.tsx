"use client";

import { createTranslator } from "next-intl";
import { useSyncExternalStore } from "react";
import en from "@/lib/i18n/messages/en/error-pages.json";
import nl from "@/lib/i18n/messages/nl/error-pages.json";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "@/lib/i18n/locales";

// Bundled with this component (the browser caches it), instead of a provider in the root layout
// that would put these texts into every page's HTML.
const MESSAGES = { nl, en } as const satisfies Record<AppLocale, typeof nl>;
const noSubscription = () => () => {};

/** The page's language, from the root layout's `<html lang>`; Dutch while rendering on the server. */
function useDocumentLocale(): keyof typeof MESSAGES {
  return useSyncExternalStore(
    noSubscription,
    () => (isLocale(document.documentElement.lang) ? document.documentElement.lang : DEFAULT_LOCALE),
    () => DEFAULT_LOCALE,
  );
}

/**
 * What a visitor sees when a page fails to render (an error boundary's content): in their
 * language, with a way to try again and a way home. No error text: it may hold details that are
 * not for the visitor; the digest lets an administrator find the server log line.
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useDocumentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errorPages.error" });
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("retry")}
        </button>
        {/* A full load, not a client navigation: whatever broke is left behind. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose */}
        <a href="/" className="text-brand-700 underline">
          {t("home")}
        </a>
      </div>
      {error.digest && <p className="text-sm text-slate-600">{t("reference", { digest: error.digest })}</p>}
    </div>
  );
}
