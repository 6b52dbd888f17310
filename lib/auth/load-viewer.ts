import type { Tx } from "../db/scope";
import type { StaffRole } from "./capabilities";
import type { AppLocale } from "../i18n/locales";
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
  return user ? toViewer({ ...user, subareaIds: user.subareas.map((s) => s.subareaId) }) : null;
}

/** A staff member's account row as the viewer is made from it: active subareas only, ascending. */
export interface ViewerRow {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  active: boolean;
  locale: AppLocale;
  subareaIds: readonly number[];
}

/** The viewer for an account row, or null for a deactivated account (signed out). */
export function toViewer(user: ViewerRow): Viewer | null {
  if (!user.active) return null;
  const member = { userId: user.id, email: user.email, name: user.name, locale: user.locale };
  return staffViewer(user.role, member, user.subareaIds);
}

export async function isActiveStaff(tx: Tx, email: string): Promise<{ id: string; locale: AppLocale } | null> {
  return tx.user.findFirst({ where: { email: email.toLowerCase(), active: true }, select: { id: true, locale: true } });
}
