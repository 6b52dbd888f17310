import { STAFF_ROUTES, type StaffRoute } from "./authorization-matrix";
import { can } from "./can";
import type { Capability } from "./capabilities";
import type { Viewer } from "./viewer-types";

interface NavLink {
  route: StaffRoute;
  /** Message key of the link's text. */
  label: string;
  /** Only where showing the link needs more than opening its route (STAFF_ROUTES). */
  capability?: Capability;
}

/**
 * The staff navigation: every page worth a link, in labelled groups. A viewer sees a link when
 * they have the capability its route needs (authorization-matrix.ts), so a new role or a
 * changed capability needs no change here; a new page is one entry.
 */
export const STAFF_NAVIGATION = [
  {
    group: "applications",
    label: "staff.nav.groups.applications",
    links: [
      // Every staff member may open /staff; those without the overview are sent on from it.
      { route: "/staff", label: "staff.nav.dashboard", capability: "overview.read" },
      { route: "/staff/applications", label: "staff.nav.applications" },
      { route: "/staff/intake", label: "intake.nav.mail" },
      { route: "/staff/import", label: "intake.nav.import" },
      { route: "/staff/messages", label: "staff.nav.messages" },
    ],
  },
  {
    group: "groups",
    label: "staff.nav.groups.groups",
    links: [
      { route: "/staff/group", label: "staff.nav.group" },
      { route: "/staff/subareas", label: "staff.nav.subareas" },
      { route: "/staff/coverage", label: "staff.nav.coverage" },
      { route: "/staff/violations", label: "violations.nav" },
    ],
  },
  {
    group: "neighbourhood",
    label: "staff.nav.groups.neighbourhood",
    links: [
      { route: "/staff/expansion", label: "staff.nav.expansion" },
      { route: "/staff/flyers", label: "flyers.nav" },
      { route: "/staff/settings", label: "staff.nav.settings" },
      { route: "/staff/report", label: "report.nav" },
    ],
  },
  {
    group: "team",
    label: "staff.nav.groups.team",
    links: [
      { route: "/staff/staff", label: "staff.nav.staff" },
      { route: "/staff/audit", label: "staff.nav.audit" },
      { route: "/staff/privacy", label: "staffPrivacy.nav" },
    ],
  },
] as const satisfies readonly { group: string; label: string; links: readonly NavLink[] }[];

type NavGroup = (typeof STAFF_NAVIGATION)[number];
type NavEntry = NavGroup["links"][number];

/** The groups of links this viewer may follow, in order; groups left empty are left out. None when signed out. */
export function staffNavigation(viewer: Viewer | null): { group: NavGroup["group"]; label: NavGroup["label"]; links: NavEntry[] }[] {
  const shows = (link: NavLink) => can(viewer, link.capability ?? STAFF_ROUTES[link.route]);
  return STAFF_NAVIGATION.map(({ group, label, links }) => ({ group, label, links: (links as readonly NavEntry[]).filter(shows) })).filter(
    (group) => group.links.length > 0,
  );
}

/** Where a staff member without the overview starts: their first link, or null when they have none. */
export function startPageFor(viewer: Viewer): StaffRoute | null {
  return staffNavigation(viewer).flatMap((group) => group.links).find((link) => link.route !== "/staff")?.route ?? null;
}
