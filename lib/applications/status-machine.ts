import { roleCan, type Capability, type StaffRole } from "../auth/capabilities";
import type { ApplicationStatus } from "../db/generated/enums";

/**
 * The parts staff play in the machine, each given by a capability (lib/auth/capabilities.ts):
 * triage, the work on every application, and group work, the work on one's own groups. A staff
 * member acts as every part their role has the capability for, so a new role needs no change here.
 */
const STAFF_ACTORS = {
  TRIAGE: "applications.triage",
  GROUP_WORK: "group.work",
} as const satisfies Record<string, Capability>;

type StaffActor = keyof typeof STAFF_ACTORS;

/** Who changes an application's status: a part staff play, the resident, or the system (jobs). */
export type Actor = StaffActor | "RESIDENT" | "SYSTEM";

/** An actor, or a staff member (anything with a role), who acts as each part of theirs. */
export type Mover = Actor | { role: StaffRole };

const C = "TRIAGE";
const P = "GROUP_WORK";
const R = "RESIDENT";
const S = "SYSTEM";

/**
 * Every allowed status change and who may make it (C triage, P group work, R resident, S system);
 * anything else is refused. A new status fails the type check until it has a row here.
 */
export const TRANSITIONS = {
  NEW: { ASSIGNED: [C], WAITING: [C, S], REJECTED: [C], WITHDRAWN: [R, C] },
  WAITING: { ASSIGNED: [C, S], NEW: [C], REJECTED: [C], WITHDRAWN: [R, C] },
  ASSIGNED: { ASSIGNED: [C], ADDED: [P, C], UNREACHABLE: [P, C], NEW: [C], REJECTED: [C], WITHDRAWN: [R, C] },
  UNREACHABLE: { ADDED: [P, C], ASSIGNED: [C], REJECTED: [C], WITHDRAWN: [R, C] },
  ADDED: { LEFT: [P, C], REJECTED: [C], WITHDRAWN: [R, C] },
  LEFT: { ASSIGNED: [C] },
  REJECTED: { NEW: [C] },
  WITHDRAWN: {},
} as const satisfies Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>>;

/** The parts `mover` acts as: itself for an actor, each part whose capability a staff member's role has. */
function actorsOf(mover: Mover): readonly Actor[] {
  if (typeof mover === "string") return [mover];
  return (Object.keys(STAFF_ACTORS) as StaffActor[]).filter((actor) => roleCan(mover.role, STAFF_ACTORS[actor]));
}

/** May `mover` (an actor, or a staff member by their capabilities) move an application from `from` to `to`? */
export function mayTransition(from: ApplicationStatus, to: ApplicationStatus, mover: Mover): boolean {
  const allowed: readonly Actor[] = (TRANSITIONS[from] as Partial<Record<ApplicationStatus, readonly Actor[]>>)[to] ?? [];
  return actorsOf(mover).some((actor) => allowed.includes(actor));
}

/** Statuses in which the person is, or is about to be, in a WhatsApp group. */
export const ACTIVE_STATUSES = ["NEW", "WAITING", "ASSIGNED", "ADDED", "UNREACHABLE"] as const satisfies readonly ApplicationStatus[];

/** A person still in the group in one of these statuses is a removal task for the contact person. */
export const REMOVAL_STATUSES = ["LEFT", "WITHDRAWN", "REJECTED"] as const satisfies readonly ApplicationStatus[];

/**
 * Statuses whose name and number a contact person of the subarea may see (the minimum-data
 * matrix: lib/access/application-dto.ts, tests/integration/access-matrix.test.ts).
 */
export const CONTACT_STATUSES = ["ASSIGNED", "ADDED", "UNREACHABLE"] as const satisfies readonly ApplicationStatus[];

/**
 * The changes group work (P) may take back at once ("ongedaan maken"), by the status they
 * return to and the status they undo: marking someone added or unreachable, and marking a member
 * as left. Each row is a change the machine itself allows that actor; `mayUndo` checks both.
 * Who may undo which single change, and for how long, is lib/group/undo-group-change.ts.
 */
export const UNDOABLE = {
  ASSIGNED: { ADDED: [P], UNREACHABLE: [P] },
  UNREACHABLE: { ADDED: [P] },
  ADDED: { LEFT: [P] },
} as const satisfies Partial<Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>>>;

/** May `mover` take back the change `back` → `undone` (it moved from `back` to `undone`)? */
export function mayUndo(back: ApplicationStatus, undone: ApplicationStatus, mover: Mover): boolean {
  const allowed: readonly Actor[] = (UNDOABLE as Partial<Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>>>)[back]?.[undone] ?? [];
  return actorsOf(mover).some((actor) => mayTransition(back, undone, actor) && allowed.includes(actor));
}
