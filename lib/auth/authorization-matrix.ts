/**
 * Which capability (capabilities.ts) each staff route needs, and which routes and Server Actions
 * are public. Pages call `requirePage(route)`, route handlers `requireApi(route)`. The navigation
 * is built from this table too. tests/unit/authorization-matrix.test.ts fails on any route under
 * app/ that is in neither list, and on a staff route that does not call its guard.
 */
import type { Capability } from "./capabilities";


export const STAFF_ROUTES = {
  "/staff": "staff.area",
  "/staff/applications": "applications.read",
  "/staff/applications/[id]": "applications.read",
  "/staff/audit": "audit.read",
  "/staff/subareas": "subareas.manage",
  "/staff/subareas/[id]": "subareas.manage",
  "/staff/staff": "staff.manage",
  "/staff/settings": "settings.edit",
  "/staff/expansion": "expansion.manage",
  "/staff/expansion/[id]": "expansion.manage",
  "/staff/coverage": "coverage.read",
  "/staff/report": "report.read",
  "/api/staff/report": "report.read",
  "/staff/messages": "messages.answer",
  "/staff/group": "group.work",
  "/staff/group/person/[id]": "group.work",
  "/staff/violations": "violations.handle",
  "/api/staff/applications/export": "applications.export",
  "/api/staff/group/vcard": "group.work",
  "/api/staff/group/whatsapp/[id]": "group.work",
  "/staff/privacy": "privacy.handle",
  "/staff/privacy/[id]": "privacy.handle",
  "/staff/privacy/[id]/export": "privacy.export",
  "/api/staff/privacy/[id]/export": "privacy.export",
  "/staff/intake": "intake.mail",
  "/staff/intake/[id]": "intake.mail",
  "/staff/import": "intake.import",
  "/staff/import/[id]": "intake.import",
  "/api/staff/import/[id]/progress": "intake.import",
  "/staff/flyers": "flyers.make",
  "/api/staff/flyers": "flyers.make",
} as const satisfies Record<string, Capability>;

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
