import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { RETRY_AFTER_SECONDS } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/**
 * "Try again" while the database is down: pages and Server Actions redirect here
 * (lib/http/when-database-down.ts). A route handler, not a page, because only a handler can
 * answer 503 with Retry-After; it reads nothing from the database.
 */
export async function GET(): Promise<Response> {
  const [t, locale, nonce] = await Promise.all([getTranslations("unavailable"), getLocale(), headers().then((h) => h.get("x-nonce") ?? "")]);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t("title"))}</title>
<style nonce="${escape(nonce)}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1e293b}a{color:#1d4ed8}</style></head>
<body><main><h1>${escape(t("heading"))}</h1><p>${escape(t("body"))}</p>
<p><a href="/">${escape(t("home"))}</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
