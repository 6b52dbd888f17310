import "server-only";
import { redirect } from "next/navigation";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/database-unavailable";
import { witnessOutage } from "../db/outage-witness";

export { RETRY_AFTER_SECONDS };

/** Where pages and Server Actions send the visitor while the database is down (HTTP 503). */
export const UNAVAILABLE_PATH = "/unavailable";

/**
 * For a page, a layout or a Server Action (the kernel, server-action.ts, wraps every action in it;
 * a form posted without JavaScript gets a 303 to the 503 page): runs its body; when the database is down (restart,
 * crash recovery, full) the visitor is redirected to the "try again" page, which answers 503
 * with Retry-After, instead of a 500. Any other error is thrown on unchanged.
 */
export async function pageWhenDatabaseDown<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logOutage(error);
    redirect(UNAVAILABLE_PATH);
  }
}

/**
 * For a route handler: runs it; when the database is down, answers 503 with Retry-After and a
 * JSON problem (RFC 9457) instead of a 500. Any other error is thrown on unchanged.
 */
export function routeWhenDatabaseDown<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logOutage(error);
      return databaseDownProblem();
    }
  };
}

/**
 * For a route handler around a library that swallows database errors (Auth.js answers an
 * outage with a 500 or its error page): when an outage was noted while `handle` ran, a browser
 * (`Accept: text/html`, e.g. a sign-in link followed from a mail) is sent to the "try again"
 * page and anything else gets the 503 JSON problem.
 */
export async function libraryRouteWhenDatabaseDown(request: Request, appUrl: string, handle: () => Promise<Response>): Promise<Response> {
  const result = await witnessOutage(handle);
  if (result.outage === undefined) {
    if (!result.ok) throw result.error;
    return result.value;
  }
  logOutage(result.outage);
  return request.headers.get("accept")?.includes("text/html") ? Response.redirect(new URL(UNAVAILABLE_PATH, appUrl), 303) : databaseDownProblem();
}

/** The JSON answer of an API while the database is down: 503, Retry-After in seconds. */
export function databaseDownProblem(): Response {
  return Response.json(
    { type: "about:blank", title: "Service temporarily unavailable; try again shortly", status: 503 },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store", "Content-Type": "application/problem+json" } },
  );
}

/** One line, no stack and no personal data: the code or kind of the outage only. */
function logOutage(error: unknown): void {
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  console.error(`database unavailable, answered "try again": ${String(e.code ?? e.name ?? "error")}`);
}
