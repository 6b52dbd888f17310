import "server-only";
import { notFound, redirect } from "next/navigation";
import { STAFF_ROUTES, type StaffRoute } from "./authorization-matrix";
import { roleCan, type Capability, type RolesWith } from "./capabilities";
import { getViewer } from "./viewer";
import type { Viewer } from "./viewer-types";

/** The viewer narrowed to the roles that have capability `C` (capabilities.ts). */
export type ViewerWith<C extends Capability> = Extract<Viewer, { role: RolesWith<C> }>;
type RouteViewer<R extends StaffRoute> = ViewerWith<(typeof STAFF_ROUTES)[R]>;

/** Whether this viewer has `capability` (capabilities.ts); false when signed out. */
export function can<C extends Capability>(viewer: Viewer | null | undefined, capability: C): viewer is ViewerWith<C> {
  return viewer != null && roleCan(viewer.role, capability);
}

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
  if (!can(viewer, STAFF_ROUTES[route])) return { response: Response.json({ title: "Not found" }, { status: 404 }) };
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
