import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { NotFoundError } from "../errors";
import { listSubareas } from "./list-subareas";

/** One subarea with its rules, contacts and counts (coordinators). */
export async function getSubarea(viewer: Viewer, id: number) {
  const found = (await listSubareas(viewer)).find((s) => s.id === id);
  if (!found) throw new NotFoundError();
  return found;
}
