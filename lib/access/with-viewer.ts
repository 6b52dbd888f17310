import "server-only";
import { withScope, type DbScope, type Tx } from "../db";
import type { ScopeOptions } from "../db/scope";
import { STAFF_ROLES } from "../auth/capabilities";
import { reachesAll, type Viewer } from "../auth/viewer-types";
import { config } from "../config/env";

/**
 * The database scope for a viewer: their role's database role (STAFF_ROLES), which row-level
 * security checks them against. A role that reaches only its own subareas carries them, and the
 * central mailbox, the one address its actions may mail.
 */
export function dbScopeFor(viewer: Viewer): DbScope {
  if (reachesAll(viewer)) return { role: STAFF_ROLES[viewer.role].dbRole, userId: viewer.userId };
  return { role: STAFF_ROLES[viewer.role].dbRole, userId: viewer.userId, subareaIds: viewer.subareaIds, mailbox: config().MAILBOX_ADDRESS };
}

/** Runs `fn` in one transaction as this viewer. */
export function withViewer<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  return withScope(dbScopeFor(viewer), fn, options);
}
