import "server-only";
import { cache } from "react";
import { withScope } from "../db";
import { auth } from "./auth";
import { loadViewer } from "./load-viewer";
import type { Viewer } from "./viewer-types";

/** The signed-in staff member for this request, or null. Once per request (React cache). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return withScope({ role: "service" }, (tx) => loadViewer(tx, userId));
});
