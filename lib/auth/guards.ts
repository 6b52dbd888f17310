import "server-only";
import { notFound, redirect } from "next/navigation";
import { STAFF_ACTIONS, STAFF_ROUTES, type StaffAction, type StaffRoute } from "./authorization-matrix";
import { getViewer } from "./viewer";
import type { Viewer } from "./viewer-types";

type RolesOf<T extends readonly string[]> = T[number];
type ViewerFor<R extends string> = Extract<Viewer, { role: R }>;

/**
 * For a staff page: the viewer if their role may open `route` (authorization-matrix.ts).
 * Signed out → the sign-in page, coming back here afterwards; wrong role → 404.
 */
export async function requirePage<R extends StaffRoute>(
  route: R,
  currentPath: string = route,
): Promise<ViewerFor<RolesOf<(typeof STAFF_ROUTES)[R]>>> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(currentPath)}`);
  if (!(STAFF_ROUTES[route] as readonly string[]).includes(viewer.role)) notFound();
  return viewer as ViewerFor<RolesOf<(typeof STAFF_ROUTES)[R]>>;
}

/** For a staff route handler: the viewer, or a 401/404 response to return as is. */
export async function requireApi<R extends StaffRoute>(
  route: R,
): Promise<{ viewer: ViewerFor<RolesOf<(typeof STAFF_ROUTES)[R]>>; response?: never } | { viewer?: never; response: Response }> {
  const viewer = await getViewer();
  if (!viewer) return { response: Response.json({ title: "Sign in first" }, { status: 401 }) };
  if (!(STAFF_ROUTES[route] as readonly string[]).includes(viewer.role)) {
    return { response: Response.json({ title: "Not found" }, { status: 404 }) };
  }
  return { viewer: viewer as ViewerFor<RolesOf<(typeof STAFF_ROUTES)[R]>> };
}

/**
 * For a Server Action (a public endpoint: anyone can call it with any arguments): the viewer
 * if their role may perform `action`, else null — the action then answers "not found".
 */
export async function requireAction<A extends StaffAction>(action: A): Promise<ViewerFor<RolesOf<(typeof STAFF_ACTIONS)[A]>> | null> {
  const viewer = await getViewer();
  if (!viewer || !(STAFF_ACTIONS[action] as readonly string[]).includes(viewer.role)) return null;
  return viewer as ViewerFor<RolesOf<(typeof STAFF_ACTIONS)[A]>>;
}
