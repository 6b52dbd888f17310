import { NextResponse, type NextRequest } from "next/server";
import { redirectOversizedUpload } from "./lib/intake/oversized-upload";

/**
 * Per-request Content-Security-Policy with a fresh nonce (Next.js puts it on its own scripts),
 * and HSTS when the app is served over HTTPS in production. Other security headers are static
 * and set in next.config.js.
 */
export async function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const refused = await refusal(request);
  if (refused) return NextResponse.json({ title: refused[1] }, { status: refused[0] });
  if (request.method === "POST" && request.headers.get("origin") === "null") {
    // A page sent with Referrer-Policy: no-referrer (the resident's private page, whose address
    // holds its token) makes the browser post its forms with `Origin: null`. Its actions are
    // authorised by the token in the form, not by a cookie: they go through without the header
    // and without the session cookie, so a forged post there can use no staff action.
    requestHeaders.delete("origin");
    const cookies = (request.headers.get("cookie") ?? "").split(/;\s*/).filter((c) => c && !/^(__Secure-|__Host-)?authjs\./.test(c));
    requestHeaders.set("cookie", cookies.join("; "));
  }
  const oversized = redirectOversizedUpload(request);
  if (oversized) return oversized;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const production = process.env.NODE_ENV === "production";
  const https = (process.env.APP_URL ?? "").startsWith("https:");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production && https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (production && https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true; // Older browsers omit it on same-origin posts; Next.js checks again.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * What Next.js would answer with a 500 (or let through), refused here with a 4xx instead:
 * [status, title] or null. Issue 11 items 9 and 10.
 */
async function refusal(request: NextRequest): Promise<[number, string] | null> {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return [400, "Malformed address"];
  }
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !(callbackUrl.startsWith("/") && !callbackUrl.startsWith("//")) && !sameSiteUrl(callbackUrl, request)) {
    return [400, "callbackUrl must be a path on this site"];
  }
  if (request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  // Cross-origin posts (Server Action or not, an empty Origin too) are refused; `Origin: null`
  // only on the private page (see above).
  if (origin === "null" ? !request.nextUrl.pathname.startsWith("/manage/") : !sameOrigin(request)) return [403, "Cross-origin request refused"];
  // A Server Action called with JavaScript sends its arguments in React's reply format: a
  // multipart form with the root in part "0", or JSON text that is an array. Next.js answers
  // anything else with a 500 (and our actions are never called with references they cannot take).
  const type = request.headers.get("content-type") ?? "";
  if (request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) <= 1_000_000) {
    if (type.startsWith("text/plain") && !wellFormedReply(await request.clone().text())) return [400, "Malformed Server Action arguments"];
    if (type.startsWith("multipart/form-data") && !/name="0"\r\n/.test(await request.clone().text())) return [400, "Malformed Server Action arguments"];
  }
  return null;
}

/**
 * A URL on this site: on the host the request was sent to (read as `sameOrigin` reads it), or on
 * APP_URL, which the app's own links are built from (Auth.js puts it in the sign-in mail's
 * callbackUrl). Not `request.nextUrl`: a server listening on 0.0.0.0, as the demo does, sees
 * itself as http://0.0.0.0:3000 and refused every sign-in link.
 */
function sameSiteUrl(url: string, request: NextRequest): boolean {
  try {
    const target = new URL(url);
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    const app = process.env.APP_URL ? new URL(process.env.APP_URL) : null;
    return target.host === host || (app !== null && target.origin === app.origin);
  } catch {
    return false;
  }
}

/**
 * A JSON array, nested at most 32 deep, whose "$…" strings are only escaped text ("$$…") or
 * plain values React encodes that way (undefined, dates, big integers, NaN, ±Infinity, -0).
 */
function wellFormedReply(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > 32) return false;
    } else if (c === "]" || c === "}") depth--;
  }
  const plain = (value: unknown): boolean =>
    typeof value === "string"
      ? !value.startsWith("$") || /^\$(\$|undefined$|D|n-?\d|NaN$|-?Infinity$|-0$)/.test(value)
      : Array.isArray(value)
        ? value.every(plain)
        : value === null || typeof value !== "object" || Object.values(value).every(plain);
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && plain(parsed);
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
