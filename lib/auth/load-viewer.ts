import type { Tx } from "../db/scope";
import { staffViewer, type Viewer } from "./viewer-types";

/**
 * The staff member behind a session, read fresh on every request: a deactivated account or a
 * changed role or subarea takes effect at once. Retired subareas give no access.
 */
export async function loadViewer(tx: Tx, userId: string): Promise<Viewer | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      subareas: { where: { subarea: { status: { not: "RETIRED" } } }, select: { subareaId: true }, orderBy: { subareaId: "asc" } },
    },
  });
  if (!user || !user.active) return null;
  const member = { userId: user.id, email: user.email, name: user.name, locale: user.locale };
  return staffViewer(user.role, member, user.subareas.map((s) => s.subareaId));
}

export async function isActiveStaff(tx: Tx, email: string): Promise<{ id: string; locale: "nl" | "en" } | null> {
  return tx.user.findFirst({ where: { email: email.toLowerCase(), active: true }, select: { id: true, locale: true } });
}
