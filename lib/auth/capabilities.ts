/**
 * Who may do what, as one table: each capability names the staff roles that have it. Pages,
 * route handlers, Server Actions, the navigation and the data layer all ask this table (through
 * `can`, `requirePage`, `requireApi`, `requireCapability`); nothing else compares roles.
 *
 * Adding a role is one entry per capability it gets, its row in `STAFF_ROLES` and its database
 * role (ARCHITECTURE.md, "Three trial changes"). Decision record: docs/decisions/009-one-way-through-the-middle.md.
 */
import type { StaffRole } from "../db/generated/enums";
import type { DbScope } from "../db/scope";

export type { StaffRole };

/** The database roles (lib/db/scope.ts) of staff who see only their own subareas; their scope carries the subarea ids. */
type OwnSubareasDbRole = Extract<DbScope, { subareaIds: readonly number[] }>["role"];
/** The database roles of staff who see the whole neighbourhood: a staff scope (it names the user) without subareas. */
type WholeNeighbourhoodDbRole = Exclude<Extract<DbScope, { userId: string }>["role"], OwnSubareasDbRole>;

/**
 * What a staff role reaches, and as which database role it works: `"all"` sees the whole
 * neighbourhood (no row filter; the Viewer has no subareas), `"subareas"` only the subareas the
 * person looks after (the Viewer carries `subareaIds`; lib/access/application-scope.ts and the
 * database's own policies filter on them). The Viewer type (viewer-types.ts), `dbScopeFor` and
 * `applicationScope` are derived from this table, never from a role's name. The role itself is
 * the database enum `StaffRole` (prisma/schema.prisma), so a new role fails the build here
 * until it has a row.
 */
export const STAFF_ROLES = {
  COORDINATOR: { reach: "all", dbRole: "coordinator" },
  CONTACT_PERSON: { reach: "subareas", dbRole: "contact" },
} as const satisfies Record<
  StaffRole,
  { reach: "all"; dbRole: WholeNeighbourhoodDbRole } | { reach: "subareas"; dbRole: OwnSubareasDbRole }
>;

/** Every staff role, those reaching only their own subareas first (the safer choice comes first in a form). */
export const STAFF_ROLE_NAMES = (Object.keys(STAFF_ROLES) as StaffRole[]).sort(
  (a, b) => Number(STAFF_ROLES[a].reach === "all") - Number(STAFF_ROLES[b].reach === "all"),
);

/** The staff roles whose reach is `R`, as a type. */
export type RolesReaching<R extends "all" | "subareas"> = {
  [Role in StaffRole]: (typeof STAFF_ROLES)[Role]["reach"] extends R ? Role : never;
}[StaffRole];

const BOTH = ["COORDINATOR", "CONTACT_PERSON"] as const satisfies readonly StaffRole[];
const COORDINATOR = ["COORDINATOR"] as const satisfies readonly StaffRole[];
const CONTACT_PERSON = ["CONTACT_PERSON"] as const satisfies readonly StaffRole[];

export const CAPABILITIES = {
  /** Open the staff area (its start page) and sign out. */
  "staff.area": BOTH,
  /** The coordinator's overview of the whole neighbourhood. */
  "overview.read": COORDINATOR,
  /** Every application, its history and its duplicates. */
  "applications.read": COORDINATOR,
  /** Move one application along the status machine; the machine decides which moves each role may make. */
  "applications.move": BOTH,
  /** Assign to a subarea, reject, merge duplicates, take over suggestions. */
  "applications.triage": COORDINATOR,
  "applications.edit": COORDINATOR,
  /** The CSV/xlsx export of applications. */
  "applications.export": COORDINATOR,
  /** Applications from mail and from spreadsheets. */
  "intake.mail": COORDINATOR,
  "intake.import": COORDINATOR,
  /** The contact person's own groups: add, remove, undo, member count, digest, report a violation. */
  "group.work": CONTACT_PERSON,
  "violations.handle": COORDINATOR,
  "messages.answer": COORDINATOR,
  "subareas.manage": COORDINATOR,
  "coverage.read": COORDINATOR,
  "expansion.manage": COORDINATOR,
  "staff.manage": COORDINATOR,
  "settings.edit": COORDINATOR,
  "flyers.make": COORDINATOR,
  "report.read": COORDINATOR,
  "audit.read": COORDINATOR,
  /** Record, follow and close requests under AVG art. 15–21. */
  "privacy.handle": COORDINATOR,
  /** The inzageverzoek's export (AVG art. 15). */
  "privacy.export": COORDINATOR,
  /** Erase a person's data (AVG art. 17). */
  "privacy.erase": COORDINATOR,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The roles that have capability `C`, as a type. */
export type RolesWith<C extends Capability> = (typeof CAPABILITIES)[C][number];

/** The roles that have `capability`, e.g. for a query over staff accounts. */
export function rolesWith<C extends Capability>(capability: C): readonly RolesWith<C>[] {
  return CAPABILITIES[capability];
}

/** Whether `role` has `capability`. */
export function roleCan(role: StaffRole, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly StaffRole[]).includes(role);
}
