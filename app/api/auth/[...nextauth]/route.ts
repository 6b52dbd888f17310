import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { CONFIRM_PATH } from "@/lib/auth/send-sign-in-link";
import { clientSession } from "@/lib/auth/session-payload";
import { config } from "@/lib/config/env";
import { libraryRouteWhenDatabaseDown } from "@/lib/http/when-database-down";

const EMAIL_CALLBACK = "/api/auth/callback/nodemailer";
const SESSION = "/api/auth/session";

/**
 * Auth.js reads its own address from the request's Host header; pin it to APP_URL, so links,
 * cookies and redirects never follow a forged or internal host name. `search` replaces the
 * query string (the e-mail callback takes its token from the form, see POST).
 */
async function pinnedToAppUrl(request: NextRequest, search = request.nextUrl.search): Promise<NextRequest> {
  const app = new URL(config().APP_URL);
  const headers = new Headers(request.headers);
  headers.set("host", app.host);
  headers.set("x-forwarded-host", app.host);
  headers.set("x-forwarded-proto", app.protocol.replace(":", ""));
  const url = new URL(request.nextUrl.pathname + search, app);
  const body = request.method === "POST" ? await request.text() : undefined;
  return new NextRequest(url, { method: request.method, headers, body });
}

/** Auth.js answers a database outage with a 500 or its error page: answer "try again" instead. */
function unlessDatabaseDown(request: NextRequest, answer: () => Promise<Response>): Promise<Response> {
  return libraryRouteWhenDatabaseDown(request, config().APP_URL, answer);
}

/**
 * A GET (or HEAD) of the e-mail callback never spends the token: mail scanners open every link
 * in a mail before the person does. Links of the old shape are sent to the confirm page, whose
 * button posts here.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    return new Response(null, { status: 303, headers: { Location: `${CONFIRM_PATH}${request.nextUrl.search}` } });
  }
  return unlessDatabaseDown(request, async () => {
    const response = await handlers.GET(await pinnedToAppUrl(request));
    return request.nextUrl.pathname === SESSION ? forClient(response) : response;
  });
}

/** Without this Next.js would answer HEAD with GET, which is harmless too; say it outright. */
export async function HEAD(request: NextRequest): Promise<Response> {
  const response = await GET(request);
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * Auth.js's own e-mail sign-in endpoint is closed: links are requested through the sign-in
 * form's Server Action, which applies the rate limits first. The e-mail callback is the confirm
 * page's form post: accepted only from this site's own pages, and its token, address and
 * destination come from the form fields.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin/")) {
    return Response.json({ title: "Use the sign-in page" }, { status: 404 });
  }
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    if (!fromOwnPage(request)) return Response.json({ title: "Cross-origin request refused" }, { status: 403 });
    const form = await request.clone().formData().catch(() => null);
    const field = (name: string) => {
      const value = form?.get(name);
      return typeof value === "string" ? value.slice(0, 2048) : "";
    };
    if (!field("token") || !field("email")) return Response.redirect(new URL("/sign-in/error?error=Verification", config().APP_URL), 303);
    const search = new URLSearchParams({ token: field("token"), email: field("email") });
    if (field("callbackUrl")) search.set("callbackUrl", field("callbackUrl"));
    return unlessDatabaseDown(request, async () => handlers.POST(await pinnedToAppUrl(request, `?${search}`)));
  }
  return unlessDatabaseDown(request, async () => {
    const response = await handlers.POST(await pinnedToAppUrl(request));
    return request.nextUrl.pathname === SESSION ? forClient(response) : response;
  });
}

/** Auth.js's session answer with only what the browser needs (lib/auth/session-payload.ts). */
async function forClient(response: Response): Promise<Response> {
  if (!response.ok) return response;
  const body = clientSession(await response.json().catch(() => null));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

/**
 * True when a browser says the post comes from a page of APP_URL's origin. Every current
 * browser sends `Origin` with a form post; `Sec-Fetch-Site` is the fallback.
 */
function fromOwnPage(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(config().APP_URL).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
