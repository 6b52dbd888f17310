import { NotFoundError } from "../errors";
import { roleCan, type Capability, type RolesWith } from "./capabilities";
import type { Viewer } from "./viewer-types";

/** The viewer narrowed to the roles that have capability `C` (capabilities.ts). */
export type ViewerWith<C extends Capability> = Extract<Viewer, { role: RolesWith<C> }>;

/** Whether this viewer has `capability` (capabilities.ts); false when signed out. */
export function can<C extends Capability>(viewer: Viewer | null | undefined, capability: C): viewer is ViewerWith<C> {
  return viewer != null && roleCan(viewer.role, capability);
}

/**
 * For the data layer: goes on only if the viewer has `capability`, else throws NotFoundError —
 * forbidden and missing look the same, so nobody learns that a record exists. Routes turn it
 * into their 404 (lib/http/not-found.ts), Server Actions into "not found".
 */
export function assertCan<C extends Capability>(viewer: Viewer, capability: C): asserts viewer is ViewerWith<C> {
  if (!can(viewer, capability)) throw new NotFoundError();
}
