import type { ApplicationStatus } from "../db/generated/enums";

/** Who changes an application's status. */
export type Actor = "COORDINATOR" | "CONTACT_PERSON" | "RESIDENT" | "SYSTEM";

const C = "COORDINATOR";
const P = "CONTACT_PERSON";
const R = "RESIDENT";
const S = "SYSTEM";

/**
 * Every allowed status change and who may make it; anything else is refused. A new status
 * fails the type check until it has a row here.
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

export function mayTransition(from: ApplicationStatus, to: ApplicationStatus, actor: Actor): boolean {
  const allowed = (TRANSITIONS[from] as Partial<Record<ApplicationStatus, readonly Actor[]>>)[to];
  return allowed?.includes(actor) ?? false;
}

/** Statuses in which the person is, or is about to be, in a WhatsApp group. */
export const ACTIVE_STATUSES = ["NEW", "WAITING", "ASSIGNED", "ADDED", "UNREACHABLE"] as const satisfies readonly ApplicationStatus[];

/** A person still in the group in one of these statuses is a removal task for the contact person. */
export const REMOVAL_STATUSES = ["LEFT", "WITHDRAWN", "REJECTED"] as const satisfies readonly ApplicationStatus[];

/** Statuses whose name and number a contact person of the subarea may see (DESIGN.md matrix). */
export const CONTACT_STATUSES = ["ASSIGNED", "ADDED", "UNREACHABLE"] as const satisfies readonly ApplicationStatus[];

/**
 * The changes a contact person may take back at once ("ongedaan maken"), by the status they
 * return to and the status they undo: marking someone added or unreachable, and marking a member
 * as left. Each row is a change the machine itself allows that actor; `mayUndo` checks both.
 * Who may undo which single change, and for how long, is lib/group/undo-group-change.ts.
 */
export const UNDOABLE = {
  ASSIGNED: { ADDED: [P], UNREACHABLE: [P] },
  UNREACHABLE: { ADDED: [P] },
  ADDED: { LEFT: [P] },
} as const satisfies Partial<Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>>>;

/** May `actor` take back the change `back` → `undone` (it moved from `back` to `undone`)? */
export function mayUndo(back: ApplicationStatus, undone: ApplicationStatus, actor: Actor): boolean {
  const allowed = (UNDOABLE as Partial<Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>>>)[back]?.[undone];
  return mayTransition(back, undone, actor) && (allowed?.includes(actor) ?? false);
}
