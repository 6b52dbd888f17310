import type { Prisma } from "../db/generated/client";
import { contactApplicationSelect } from "../access/application-dto";
import type { RetentionRuleId } from "./retention-policy";

/**
 * The register of processing activities (AVG art. 30), as data: what the privacy statement and
 * the register page are generated from, together with the retention policy.
 *
 * Every column of every table that holds data about a person is classified below, typed
 * against the Prisma schema: a new column fails the type check until someone decides which
 * category of personal data it is (or null: no personal data), so the statement cannot fall
 * behind the data model.
 */

export type DataCategory =
  | "identity"
  | "contact"
  | "address"
  | "application"
  | "history"
  | "language"
  | "notes"
  | "correspondence"
  | "offer"
  | "privateLink"
  | "account"
  | "activity"
  | "request"
  | "protection"
  | "intake";

/** A category and the label (lib/i18n/messages/…/privacy.json, privacy.field.*) a reader sees. */
type Field = readonly [DataCategory, string] | null;

const APPLICATION = {
  id: null,
  name: ["identity", "name"],
  mobile: ["contact", "mobile"],
  street: ["address", "street"],
  houseNumber: ["address", "houseNumber"],
  houseLetter: ["address", "houseNumber"],
  houseNumberSuffix: ["address", "houseNumber"],
  postcode: ["address", "postcode"],
  email: ["contact", "email"],
  emailConfirmedAt: ["contact", "emailConfirmed"],
  locale: ["language", "language"],
  rulesVersion: ["application", "rules"],
  rulesAcceptedAt: ["application", "rules"],
  status: ["application", "status"],
  rejectionReason: ["application", "reason"],
  source: ["application", "source"],
  addressUnrecognised: ["application", "status"],
  subareaId: ["application", "subarea"],
  suggestedSubareaId: ["application", "subarea"],
  matchedRuleId: null,
  duplicateOfId: ["application", "duplicate"],
  notes: ["notes", "notes"],
  inGroup: ["application", "group"],
  repeatAttempts: ["application", "repeats"],
  lastRepeatAt: ["application", "repeats"],
  manageTokenHash: ["privateLink", "privateLink"],
  anonymisedAt: ["application", "dates"],
  reconfirmAskedAt: ["application", "reconfirm"],
  reconfirmedAt: ["application", "reconfirm"],
  memberCheckAskedAt: ["application", "memberCheck"],
  memberCheckRemindedAt: ["application", "memberCheck"],
  memberConfirmedAt: ["application", "memberCheck"],
  memberCheckOpen: ["application", "memberCheck"],
  statusChangedAt: ["application", "dates"],
  version: null,
  createdAt: ["application", "dates"],
  updatedAt: null,
} as const satisfies Record<Prisma.ApplicationScalarFieldEnum, Field>;

const APPLICATION_EVENT = {
  id: null,
  applicationId: null,
  at: ["history", "history"],
  actorKind: ["history", "history"],
  actorId: ["history", "history"],
  type: ["history", "history"],
  fromStatus: ["history", "history"],
  toStatus: ["history", "history"],
  subareaId: ["history", "history"],
  detail: ["history", "history"],
} as const satisfies Record<Prisma.ApplicationEventScalarFieldEnum, Field>;

const OUTBOX_MAIL = {
  id: null,
  to: ["contact", "email"],
  subject: ["correspondence", "mail"],
  text: ["correspondence", "mail"],
  html: ["correspondence", "mail"],
  template: null,
  status: null,
  attempts: null,
  nextAttemptAt: null,
  lockedUntil: null,
  lastError: null,
  sentAt: ["correspondence", "mail"],
  applicationId: null,
  createdAt: null,
  messageId: null,
} as const satisfies Record<Prisma.OutboxMailScalarFieldEnum, Field>;

const BLOCKED_NUMBER = {
  hash: ["protection", "blockedNumber"],
  createdAt: null,
} as const satisfies Record<Prisma.BlockedNumberScalarFieldEnum, Field>;

const EXPANSION_REQUEST = {
  id: null,
  name: ["identity", "name"],
  mobile: ["contact", "mobile"],
  email: ["contact", "email"],
  streets: ["offer", "area"],
  remark: ["offer", "remark"],
  locale: ["language", "language"],
  status: ["offer", "status"],
  notes: ["notes", "notes"],
  subareaId: ["offer", "subarea"],
  userId: null,
  version: null,
  createdAt: ["offer", "dates"],
  updatedAt: null,
} as const satisfies Record<Prisma.ExpansionRequestScalarFieldEnum, Field>;

const MESSAGE = {
  id: null,
  name: ["identity", "name"],
  replyTo: ["contact", "email"],
  body: ["correspondence", "question"],
  locale: ["language", "language"],
  status: ["correspondence", "answered"],
  reply: ["correspondence", "answer"],
  answeredAt: ["correspondence", "answered"],
  answeredById: null,
  createdAt: ["correspondence", "question"],
  updatedAt: null,
} as const satisfies Record<Prisma.MessageScalarFieldEnum, Field>;

const VIOLATION_REPORT = {
  id: null,
  applicationId: ["application", "violationReport"],
  subareaId: null,
  reportedById: null,
  reason: ["application", "violationReport"],
  note: ["notes", "violationNote"],
  status: null,
  handledAt: null,
  handledById: null,
  createdAt: ["application", "violationReport"],
} as const satisfies Record<Prisma.ViolationReportScalarFieldEnum, Field>;

const MAIL_DRAFT = {
  id: null,
  createdById: null,
  fileName: ["intake", "mailFile"],
  mailText: ["intake", "mailText"],
  name: ["identity", "name"],
  mobile: ["contact", "mobile"],
  street: ["address", "street"],
  houseNumber: ["address", "houseNumber"],
  houseNumberSuffix: ["address", "houseNumber"],
  postcode: ["address", "postcode"],
  email: ["contact", "email"],
  createdAt: null,
} as const satisfies Record<Prisma.MailDraftScalarFieldEnum, Field>;

const IMPORT_BATCH = {
  id: null,
  createdById: null,
  fileName: ["intake", "importFile"],
  content: ["intake", "importFile"],
  rowCount: null,
  createdAt: null,
} as const satisfies Record<Prisma.ImportBatchScalarFieldEnum, Field>;

const USER = {
  id: null,
  name: ["identity", "name"],
  email: ["contact", "email"],
  emailVerified: ["account", "signIn"],
  image: null,
  role: ["account", "role"],
  active: ["account", "role"],
  locale: ["language", "language"],
  digest: ["account", "preferences"],
  lastDigestAt: null,
  createdAt: null,
  updatedAt: null,
} as const satisfies Record<Prisma.UserScalarFieldEnum, Field>;

const SUBAREA_CONTACT = {
  userId: null,
  subareaId: ["account", "subarea"],
  createdAt: null,
} as const satisfies Record<Prisma.SubareaContactScalarFieldEnum, Field>;

const SESSION = {
  sessionToken: ["account", "signIn"],
  userId: null,
  expires: ["account", "signIn"],
  createdAt: null,
  updatedAt: null,
} as const satisfies Record<Prisma.SessionScalarFieldEnum, Field>;

const VERIFICATION_TOKEN = {
  identifier: ["contact", "email"],
  token: ["account", "signIn"],
  expires: ["account", "signIn"],
} as const satisfies Record<Prisma.VerificationTokenScalarFieldEnum, Field>;

const AUDIT_EVENT = {
  id: null,
  at: ["activity", "auditTrail"],
  actorKind: ["activity", "auditTrail"],
  actorId: ["activity", "auditTrail"],
  actorRole: ["activity", "auditTrail"],
  action: ["activity", "auditTrail"],
  targetType: ["activity", "auditTrail"],
  targetId: ["activity", "auditTrail"],
  subjectIds: ["activity", "auditTrail"],
  meta: ["activity", "auditTrail"],
} as const satisfies Record<Prisma.AuditEventScalarFieldEnum, Field>;

const PRIVACY_REQUEST = {
  id: null,
  type: ["request", "request"],
  status: ["request", "request"],
  applicationId: null,
  origin: ["request", "request"],
  receivedAt: ["request", "request"],
  dueAt: ["request", "request"],
  closedAt: ["request", "request"],
  handledById: null,
  note: ["request", "requestNote"],
  createdAt: null,
  updatedAt: null,
} as const satisfies Record<Prisma.PrivacyRequestScalarFieldEnum, Field>;

const RATE_LIMIT = {
  key: ["protection", "rateLimit"],
  count: null,
  expiresAt: null,
} as const satisfies Record<Prisma.RateLimitScalarFieldEnum, Field>;

/** Tables without personal data: subareas and their rules, the neighbourhood's own texts, jobs, migrations, Auth.js accounts (unused with e-mail sign-in). */
export const TABLES_WITHOUT_PERSONAL_DATA = ["Subarea", "AddressRule", "NeighbourhoodText", "Account", "JobLease", "JobRun", "_prisma_migrations"] as const;

export const PERSONAL_DATA = {
  Application: APPLICATION,
  ApplicationEvent: APPLICATION_EVENT,
  OutboxMail: OUTBOX_MAIL,
  BlockedNumber: BLOCKED_NUMBER,
  ExpansionRequest: EXPANSION_REQUEST,
  Message: MESSAGE,
  ViolationReport: VIOLATION_REPORT,
  MailDraft: MAIL_DRAFT,
  ImportBatch: IMPORT_BATCH,
  User: USER,
  SubareaContact: SUBAREA_CONTACT,
  Session: SESSION,
  VerificationToken: VERIFICATION_TOKEN,
  AuditEvent: AUDIT_EVENT,
  PrivacyRequest: PRIVACY_REQUEST,
  RateLimit: RATE_LIMIT,
} as const;

export type PersonalDataTable = keyof typeof PERSONAL_DATA;

export type ActivityId = "membership" | "volunteers" | "questions" | "staff" | "accountability";
export type Recipient = "coordinators" | "contactPerson" | "groupMembers" | "processors";

export interface ProcessingActivity {
  id: ActivityId;
  /** The legal ground (AVG art. 6): consent for what residents ask us to do, legitimate interest or legal obligation for the rest. */
  basis: "consent" | "legitimateInterest" | "legalObligation";
  subjects: readonly ("residents" | "volunteers" | "senders" | "staff")[];
  tables: readonly PersonalDataTable[];
  recipients: readonly Recipient[];
  retention: readonly RetentionRuleId[];
}

export const PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  {
    id: "membership",
    basis: "consent",
    subjects: ["residents"],
    tables: ["Application", "ApplicationEvent", "OutboxMail", "BlockedNumber", "ViolationReport", "MailDraft", "ImportBatch"],
    recipients: ["coordinators", "contactPerson", "groupMembers", "processors"],
    retention: ["rejected", "withdrawn", "left", "waitingReconfirm", "waitingErase", "blockedNumbers", "handledViolationReports", "sentMail", "mailDrafts", "importFiles"],
  },
  {
    id: "volunteers",
    basis: "consent",
    subjects: ["volunteers"],
    tables: ["ExpansionRequest"],
    recipients: ["coordinators", "processors"],
    retention: ["closedExpansionRequests"],
  },
  {
    id: "questions",
    basis: "legitimateInterest",
    subjects: ["senders"],
    tables: ["Message"],
    recipients: ["coordinators", "processors"],
    retention: ["answeredMessages"],
  },
  {
    id: "staff",
    basis: "legitimateInterest",
    subjects: ["staff"],
    tables: ["User", "SubareaContact", "Session", "VerificationToken"],
    recipients: ["coordinators", "processors"],
    retention: ["expiredSignInLinks", "expiredSessions"],
  },
  {
    id: "accountability",
    basis: "legalObligation",
    subjects: ["residents", "volunteers", "senders", "staff"],
    tables: ["AuditEvent", "PrivacyRequest", "RateLimit"],
    recipients: ["coordinators", "processors"],
    retention: ["auditEvents", "closedPrivacyRequests", "expiredRateLimits"],
  },
];

/** The categories of personal data an activity holds, each with its field labels, in a stable order. */
export function categoriesOf(activity: ProcessingActivity): { category: DataCategory; fields: string[] }[] {
  const found = new Map<DataCategory, Set<string>>();
  for (const table of activity.tables) {
    for (const field of Object.values(PERSONAL_DATA[table]) as Field[]) {
      if (!field) continue;
      const [category, label] = field;
      if (!found.has(category)) found.set(category, new Set());
      found.get(category)!.add(label);
    }
  }
  return [...found].map(([category, labels]) => ({ category, fields: [...labels] }));
}

/** What a contact person sees of someone in their subarea: the contact DTO's fields, as labels. */
export function contactPersonFields(): string[] {
  const labels = Object.keys(contactApplicationSelect)
    .map((column) => (APPLICATION as Record<string, Field>)[column])
    .filter((field): field is readonly [DataCategory, string] => field !== null)
    .map(([, label]) => label);
  return [...new Set(labels)];
}
