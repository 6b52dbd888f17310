/**
 * Who may use which staff route and action. Pages call `requirePage(route)`, route handlers
 * `requireApi(route)`, Server Actions `requireAction(action)`: each looks its roles up here, so
 * this file is the whole answer to "who may do what". tests/unit/authorization-matrix.test.ts
 * fails on any route under app/ that is in neither list, and on a staff route that does not
 * call its guard.
 */
export type StaffRole = "COORDINATOR" | "CONTACT_PERSON";

const BOTH = ["COORDINATOR", "CONTACT_PERSON"] as const;
const COORDINATOR = ["COORDINATOR"] as const;
const CONTACT_PERSON = ["CONTACT_PERSON"] as const;

export const STAFF_ROUTES = {
  "/staff": BOTH,
  "/staff/applications": COORDINATOR,
  "/staff/applications/[id]": COORDINATOR,
  "/staff/audit": COORDINATOR,
  "/staff/subareas": COORDINATOR,
  "/staff/subareas/[id]": COORDINATOR,
  "/staff/staff": COORDINATOR,
  "/staff/settings": COORDINATOR,
  "/staff/expansion": COORDINATOR,
  "/staff/expansion/[id]": COORDINATOR,
  "/staff/coverage": COORDINATOR,
  "/staff/report": COORDINATOR,
  "/api/staff/report": COORDINATOR,
  "/staff/messages": COORDINATOR,
  "/staff/group": CONTACT_PERSON,
  "/staff/violations": COORDINATOR,
  "/api/staff/applications/export": COORDINATOR,
  "/api/staff/group/vcard": CONTACT_PERSON,
  "/staff/privacy": COORDINATOR,
  "/staff/privacy/[id]": COORDINATOR,
  "/staff/privacy/[id]/export": COORDINATOR,
  "/api/staff/privacy/[id]/export": COORDINATOR,
  "/staff/intake": COORDINATOR,
  "/staff/intake/[id]": COORDINATOR,
  "/staff/import": COORDINATOR,
  "/staff/import/[id]": COORDINATOR,
  "/api/staff/import/[id]/progress": COORDINATOR,
  "/staff/flyers": COORDINATOR,
  "/api/staff/flyers": COORDINATOR,
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffRoute = keyof typeof STAFF_ROUTES;

/** Routes anyone may open. Each one's own code decides what it shows. */
export const PUBLIC_ROUTES = [
  "/",
  "/rules",
  "/tips",
  "/apply",
  "/apply/thanks",
  "/volunteer",
  "/volunteer/thanks",
  "/contact",
  "/contact/thanks",
  "/manage/[token]",
  "/manage/erased",
  "/budget-baseline",
  "/unavailable",
  "/sign-in",
  "/sign-in/check-email",
  "/sign-in/error",
  "/sign-in/confirm",
  "/dev/outbox",
  "/api/health",
  "/api/ping",
  "/api/auth/[...nextauth]",
  "/privacy",
  "/privacy/register",
] as const;

export const STAFF_ACTIONS = {
  signOut: BOTH,
  changeApplicationStatus: BOTH,
  assignApplications: COORDINATOR,
  rejectApplications: COORDINATOR,
  editApplication: COORDINATOR,
  mergeApplications: COORDINATOR,
  manageSubareas: COORDINATOR,
  manageStaff: COORDINATOR,
  editNeighbourhoodTexts: COORDINATOR,
  manageExpansion: COORDINATOR,
  answerMessages: COORDINATOR,
  markApplicationUnreachable: CONTACT_PERSON,
  confirmGroupRemoval: CONTACT_PERSON,
  keepCheckedMember: CONTACT_PERSON,
  undoGroupChange: CONTACT_PERSON,
  reportRuleViolation: CONTACT_PERSON,
  updateGroupMemberCount: CONTACT_PERSON,
  setAssignmentDigest: CONTACT_PERSON,
  closeViolationReport: COORDINATOR,
  recordPrivacyRequest: COORDINATOR,
  closePrivacyRequest: COORDINATOR,
  erasePrivacySubject: COORDINATOR,
  intakeMail: COORDINATOR,
  importSpreadsheet: COORDINATOR,
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffAction = keyof typeof STAFF_ACTIONS;

/** Server Actions anyone may call; each validates its input and applies its own rate limits. */
export const PUBLIC_ACTIONS = [
  "setLocale",
  "requestSignInLink",
  "applyForGroup",
  "offerToVolunteer",
  "sendQuestion",
  // The resident's private page: each finds its application by the link's token.
  "correctOwnDetails",
  "confirmOwnEmailAddress",
  "withdrawOwnApplicationAction",
  "eraseOwnApplicationAction",
  "requestPrivacyFromLinkAction",
  "reconfirmFromLinkAction",
  "confirmMembershipAction",
] as const;

export function mayUse(roles: readonly StaffRole[], role: StaffRole): boolean {
  return roles.includes(role);
}
