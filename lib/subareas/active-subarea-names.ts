import "server-only";
import { withScope } from "../db";

/** The names of the subareas that have a group, for the home page. */
export async function activeSubareaNames(): Promise<string[]> {
  const rows = await withScope({ role: "service" }, (tx) =>
    tx.subarea.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { name: true } }),
  );
  return rows.map((row) => row.name);
}
