import { NextResponse, type NextRequest } from "next/server";
import { redirectOversizedUpload } from "./lib/intake/oversized-upload";

/**
 * Per-request Content-Security-Policy with a fresh nonce (Next.js puts it on its own scripts),
 * and HSTS when the app is served over HTTPS in production. Other security headers are static
 * and set in next.config.js.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  if (request.method === "POST" && request.headers.get("origin") === "null") {
    // A page sent with Referrer-Policy: no-referrer (the resident's private page, whose address
    // holds its token) makes the browser post its forms with `Origin: null`. Those actions are
    // authorised by the token in the form, not by a cookie, so a forged post gains nothing:
    // let them through without the header. Anywhere else `Origin: null` is refused.
    if (!request.nextUrl.pathname.startsWith("/manage/")) {
      return NextResponse.json({ title: "Cross-origin request refused" }, { status: 403 });
    }
    requestHeaders.delete("origin");
  } else if (request.method === "POST" && request.headers.has("next-action") && !sameOrigin(request)) {
    // Next.js refuses a Server Action whose Origin is not this host, but with a 500; answer
    // with a plain 403 before it gets that far.
    return NextResponse.json({ title: "Cross-origin request refused" }, { status: 403 });
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
  if (!origin) return true; // Older browsers omit it on same-origin posts; Next.js checks again.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
