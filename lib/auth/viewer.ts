import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { config } from "../config/env";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { DatabaseUnavailableError } from "../db/outage-witness";
import { sessionCookie } from "./session-cookie";
import { viewerForSession } from "./session-viewer";
import type { Viewer } from "./viewer-types";

/**
 * The signed-in staff member for this request, or null. Once per request (React cache), in one
 * statement and one round trip (lib/auth/session-viewer.ts has the session rules), without going
 * through Auth.js, which would read the session and the account separately.
 * Throws `DatabaseUnavailableError` when the database is down, never "not signed in".
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(sessionCookie(config().APP_URL).name)?.value;
  if (!token) return null;
  try {
    return await viewerForSession(token);
  } catch (error) {
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  }
});
