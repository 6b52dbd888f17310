import "server-only";
import { withScope, type DbScope, type Tx } from "../db";
import type { ScopeOptions } from "../db/scope";
import type { Viewer } from "../auth/viewer-types";

/** The database scope for a viewer: the role row-level security checks them against. */
export function dbScopeFor(viewer: Viewer): DbScope {
  return viewer.role === "COORDINATOR"
    ? { role: "coordinator", userId: viewer.userId }
    : { role: "contact", userId: viewer.userId, subareaIds: viewer.subareaIds };
}

/** Runs `fn` in one transaction as this viewer. */
export function withViewer<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return withScope(dbScopeFor(viewer), fn, options);
}
