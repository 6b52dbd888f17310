import { STAFF_ROLES, type RolesReaching, type StaffRole } from "./capabilities";

/** What every signed-in staff member carries, whatever their role. */
interface StaffMember {
  userId: string;
  email: string;
  name: string | null;
  locale: "nl" | "en";
}

/** The part of a viewer that depends on their role's reach (STAFF_ROLES). */
interface ReachFields {
  all: object;
  subareas: {
    /** The subareas this person looks after; may be empty. */
    subareaIds: readonly number[];
  };
}

type ViewerFor<R extends StaffRole> = { role: R } & StaffMember & ReachFields[(typeof STAFF_ROLES)[R]["reach"]];

/**
 * The signed-in staff member, as every data-layer function receives them: one member of the
 * union per staff role, shaped by that role's reach in STAFF_ROLES (capabilities.ts).
 */
export type Viewer = { [R in StaffRole]: ViewerFor<R> }[StaffRole];

/** A viewer of one particular role (tests build these; the app asks capabilities instead). */
export type ViewerOf<R extends StaffRole> = Extract<Viewer, { role: R }>;

/** A viewer who sees only their own subareas (their role's reach is "subareas"). */
export type SubareaViewer = ViewerOf<RolesReaching<"subareas">>;

/** Whether this viewer's role reaches the whole neighbourhood (STAFF_ROLES); otherwise only `subareaIds`. */
export function reachesAll(viewer: Viewer): viewer is ViewerOf<RolesReaching<"all">> {
  return STAFF_ROLES[viewer.role].reach === "all";
}

/**
 * The viewer for a staff account: its role, who it is and, when the role reaches only its own
 * subareas, which those are (`subareaIds` is ignored for a role that reaches everything).
 */
export function staffViewer(role: StaffRole, member: StaffMember, subareaIds: readonly number[]): Viewer {
  // The one place the table's reach meets the union: each branch builds exactly ViewerFor<role>.
  return (STAFF_ROLES[role].reach === "all" ? { role, ...member } : { role, ...member, subareaIds }) as Viewer;
}
