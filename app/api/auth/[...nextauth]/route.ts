import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { config } from "@/lib/config/env";
import { libraryRouteWhenDatabaseDown } from "@/lib/http/when-database-down";

/**
 * Auth.js reads its own address from the request's Host header; pin it to APP_URL, so links,
 * cookies and redirects never follow a forged or internal host name.
 */
async function pinnedToAppUrl(request: NextRequest): Promise<NextRequest> {
  const app = new URL(config().APP_URL);
  const headers = new Headers(request.headers);
  headers.set("host", app.host);
  headers.set("x-forwarded-host", app.host);
  headers.set("x-forwarded-proto", app.protocol.replace(":", ""));
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, app);
  const body = request.method === "POST" ? await request.text() : undefined;
  return new NextRequest(url, { method: request.method, headers, body });
}

/** Auth.js answers a database outage with a 500 or its error page: answer "try again" instead. */
async function unlessDatabaseDown(request: NextRequest, handle: (request: NextRequest) => Promise<Response>): Promise<Response> {
  const pinned = await pinnedToAppUrl(request);
  return libraryRouteWhenDatabaseDown(request, config().APP_URL, () => handle(pinned));
}

export async function GET(request: NextRequest): Promise<Response> {
  return unlessDatabaseDown(request, handlers.GET);
}

/**
 * Auth.js's own e-mail sign-in endpoint is closed: links are requested through the sign-in
 * form's Server Action, which applies the rate limits first.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin/")) {
    return Response.json({ title: "Use the sign-in page" }, { status: 404 });
  }
  return unlessDatabaseDown(request, handlers.POST);
}
