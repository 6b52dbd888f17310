import "server-only";
import { withScope, type DbScope, type Tx } from "../db";
import type { ScopeOptions } from "../db/scope";
import type { Viewer } from "../auth/viewer-types";
import { config } from "../config/env";

/**
 * The database scope for a viewer: the role row-level security checks them against. A contact
 * person's scope carries the central mailbox, the one address their actions may mail.
 */
export function dbScopeFor(viewer: Viewer): DbScope {
  return viewer.role === "COORDINATOR"
    ? { role: "coordinator", userId: viewer.userId }
    : { role: "contact", userId: viewer.userId, subareaIds: viewer.subareaIds, mailbox: config().MAILBOX_ADDRESS };
}

/** Runs `fn` in one transaction as this viewer. */
export function withViewer<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return withScope(dbScopeFor(viewer), fn, options);
}
