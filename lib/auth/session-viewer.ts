import "server-only";
import { database, withScope } from "../db";
import { statementInScope, sqlLiteral } from "../db/scope";
import { toViewer, type ViewerRow } from "./load-viewer";
import { absoluteSessionEnd, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./staff-adapter";
import type { Viewer } from "./viewer-types";

interface SessionViewerRow extends ViewerRow {
  /** Milliseconds since the epoch (UTC), as the driver gives numbers, not Prisma's Dates. */
  expires: number;
  createdAt: number;
}

/**
 * The staff member behind a session token, or null (signed out): one statement (session →
 * account → active subareas) in the service scope, in one round trip (statementInScope). The same
 * rules as Auth.js's database session with lib/auth/staff-adapter.ts on top, which still serve
 * /api/auth/session:
 * - no such session, or it lay unused past its end, or SESSION_ABSOLUTE_HOURS have passed since
 *   sign-in: null, and an ended session is deleted;
 * - a deactivated account: null; retired subareas give no access; role and subareas are read
 *   fresh, so a change takes effect at the next request;
 * - sliding expiry as Auth.js does it: once `updateAge` has passed since the end was last moved,
 *   the end moves to `maxAge` from now, never past the absolute cap (a write once an hour).
 * `now` is for tests. Throws what the driver throws when the database is down.
 */
export async function viewerForSession(sessionToken: string, now: Date = new Date()): Promise<Viewer | null> {
  const [row] = await statementInScope<SessionViewerRow>(
    await database(),
    { role: "service" },
    `SELECT round(extract(epoch FROM s.expires) * 1000)::float8 AS expires, round(extract(epoch FROM s."createdAt") * 1000)::float8 AS "createdAt",
       u.id, u.email, u.name, u.role::text AS role, u.active, u.locale::text AS locale,
       ARRAY(SELECT c."subareaId" FROM "SubareaContact" c JOIN "Subarea" a ON a.id = c."subareaId"
             WHERE c."userId" = u.id AND a.status <> 'RETIRED' ORDER BY c."subareaId") AS "subareaIds"
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."sessionToken" = ${sqlLiteral(sessionToken)}`,
  );
  if (!row) return null;
  const cap = absoluteSessionEnd(new Date(row.createdAt)).getTime();
  if (cap <= now.getTime() || row.expires < now.getTime()) {
    await withScope({ role: "service" }, (tx) => tx.session.deleteMany({ where: { sessionToken } }));
    return null;
  }
  const end = Math.min(row.expires, cap);
  if (end - SESSION_MAX_AGE_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= now.getTime()) {
    const renewed = Math.min(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000, cap);
    // Near the cap the end no longer moves: no write then (as the adapter's updateSession).
    if (renewed !== row.expires) await withScope({ role: "service" }, (tx) => tx.session.updateMany({ where: { sessionToken }, data: { expires: new Date(renewed) } }));
  }
  return toViewer(row);
}
