import "server-only";
import { cache } from "react";
import { withScope } from "../db";
import { DatabaseUnavailableError, witnessOutage } from "../db/outage-witness";
import { auth } from "./auth";
import { loadViewer } from "./load-viewer";
import type { Viewer } from "./viewer-types";

/**
 * The signed-in staff member for this request, or null. Once per request (React cache). Throws
 * `DatabaseUnavailableError` when the session could not be read because the database is down
 * (Auth.js would otherwise answer "not signed in").
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const read = await witnessOutage(() => auth());
  if (read.outage !== undefined) throw new DatabaseUnavailableError(read.outage);
  if (!read.ok) throw read.error;
  const session = read.value;
  const userId = session?.user?.id;
  if (!userId) return null;
  return withScope({ role: "service" }, (tx) => loadViewer(tx, userId));
});
