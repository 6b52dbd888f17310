import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { assertCan } from "../auth/can";

/** Every subarea with its rules, contact persons and the counts the coordinator plans with. */
export async function listSubareas(viewer: Viewer) {
  assertCan(viewer, "subareas.manage");
  return withViewer(viewer, async (tx) => {
    const [subareas, counts] = await Promise.all([
      tx.subarea.findMany({
        orderBy: [{ status: "asc" }, { name: "asc" }],
        select: {
          id: true, name: true, description: true, status: true, inviteLink: true, memberCount: true, version: true,
          rules: { orderBy: { id: "asc" } },
          contacts: { select: { user: { select: { id: true, name: true, email: true, active: true } } } },
        },
      }),
      tx.application.groupBy({ by: ["subareaId", "status"], where: { subareaId: { not: null } }, _count: { _all: true } }),
    ]);
    return subareas.map((s) => {
      const mine = counts.filter((c) => c.subareaId === s.id);
      const count = (status: string) => mine.find((c) => c.status === status)?._count._all ?? 0;
      return { ...s, contacts: s.contacts.map((c) => c.user), added: count("ADDED"), pending: count("ASSIGNED") + count("UNREACHABLE") };
    });
  });
}

/** The subareas applications can be assigned to (for select boxes). */
export async function activeSubareaOptions(viewer: Viewer): Promise<{ id: number; name: string }[]> {
  assertCan(viewer, "applications.read");
  return withViewer(viewer, (tx) => tx.subarea.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } }));
}
