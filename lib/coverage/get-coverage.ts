import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { WHATSAPP_GROUP_LIMIT } from "../subareas/group-limit";
import { streetKey } from "../subareas/address";
import { assertCan } from "../auth/can";

export interface Coverage {
  subareas: { id: number; name: string; members: number; pending: number; limit: number }[];
  /** Streets with residents waiting because there is no group yet: the case for a new group. */
  uncovered: { street: string; waiting: number }[];
  waitingTotal: number;
}

export async function getCoverage(viewer: Viewer): Promise<Coverage> {
  assertCan(viewer, "coverage.read");
  return withViewer(viewer, async (tx) => {
    const [subareas, pending, waiting] = await Promise.all([
      tx.subarea.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true, memberCount: true } }),
      tx.application.groupBy({ by: ["subareaId"], where: { status: { in: ["ASSIGNED", "UNREACHABLE"] } }, _count: { _all: true } }),
      tx.application.groupBy({ by: ["street"], where: { status: "WAITING", anonymisedAt: null }, _count: { _all: true } }),
    ]);
    // Streets typed differently ("kerkstraat", "Kerkstraat ") count as one.
    const byKey = new Map<string, { street: string; waiting: number }>();
    for (const w of waiting) {
      const key = streetKey(w.street);
      const entry = byKey.get(key) ?? { street: w.street.trim(), waiting: 0 };
      entry.waiting += w._count._all;
      byKey.set(key, entry);
    }
    const uncovered = [...byKey.values()].sort((a, b) => b.waiting - a.waiting || a.street.localeCompare(b.street, "nl"));
    return {
      subareas: subareas.map((s) => ({
        id: s.id,
        name: s.name,
        members: s.memberCount,
        pending: pending.find((p) => p.subareaId === s.id)?._count._all ?? 0,
        limit: WHATSAPP_GROUP_LIMIT,
      })),
      uncovered,
      waitingTotal: uncovered.reduce((n, u) => n + u.waiting, 0),
    };
  });
}
