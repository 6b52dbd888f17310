/**
 * Who may do what, as one table: each capability names the staff roles that have it. Pages,
 * route handlers, Server Actions, the navigation and the data layer all ask this table (through
 * `can`, `requirePage`, `requireApi`, `requireCapability`); nothing else compares roles.
 *
 * Adding a role is one entry per capability it gets, its row in `STAFF_ROLES` and its database
 * role (ARCHITECTURE.md, "A new staff role"). Decision record: docs/decisions/009-one-way-through-the-middle.md.
 */
import type { StaffRole } from "../db/generated/enums";

export type { StaffRole };

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

/** Whether `role` has `capability`. */
export function roleCan(role: StaffRole, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly StaffRole[]).includes(role);
}
