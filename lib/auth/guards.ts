import "server-only";
import { notFound, redirect } from "next/navigation";
import { STAFF_ROUTES, type StaffRoute } from "./authorization-matrix";
import { can, type ViewerWith } from "./can";
import type { Capability } from "./capabilities";
import { getViewer } from "./viewer";
import { notFoundResponse } from "../http/not-found";

// Pages ask `can` beside their guard; the data layer imports it from ./can (no server-only chain).
export { can, type ViewerWith };

type RouteViewer<R extends StaffRoute> = ViewerWith<(typeof STAFF_ROUTES)[R]>;

/**
 * For a staff page: the viewer if they have the capability `route` needs (authorization-matrix.ts).
 * Signed out → the sign-in page, coming back here afterwards; without the capability → 404.
 */
export async function requirePage<R extends StaffRoute>(route: R, currentPath: string = route): Promise<RouteViewer<R>> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(currentPath)}`);
  if (!can(viewer, STAFF_ROUTES[route])) notFound();
  return viewer as RouteViewer<R>;
}

/** For a staff route handler: the viewer, or a 401/404 response to return as is. */
export async function requireApi<R extends StaffRoute>(
  route: R,
): Promise<{ viewer: RouteViewer<R>; response?: never } | { viewer?: never; response: Response }> {
  const viewer = await getViewer();
  if (!viewer) return { response: Response.json({ title: "Sign in first" }, { status: 401 }) };
  if (!can(viewer, STAFF_ROUTES[route])) return { response: notFoundResponse() };
  return { viewer: viewer as RouteViewer<R> };
}

/**
 * For a Server Action (a public endpoint: anyone can call it with any arguments): the viewer if
 * they have `capability`, else null — the action then answers "not found".
 */
export async function requireCapability<C extends Capability>(capability: C): Promise<ViewerWith<C> | null> {
  const viewer = await getViewer();
  return can(viewer, capability) ? viewer : null;
}
