import type { Prisma } from "../db/generated/client";
import type { Messages } from "../i18n/messages";
import { contactApplicationSelect } from "../access/application-dto";
import type { RetentionRuleId } from "./retention-policy";

/**
 * The register of processing activities (AVG art. 30), as data: what the privacy statement and
 * the register page are generated from, together with the retention policy, and what an
 * erasure (art. 17) and an access export (art. 15) do with each column.
 *
 * Every column of every table that holds data about a person is classified below, typed
 * against the Prisma schema: a new column fails the type check until someone decides which
 * category of personal data it is (or null: no personal data), the label a reader sees for it
 * (a key of privacy.field in the nl and en messages) and what an erasure does with it, so that
 * the statement, the erasure and the access export cannot fall behind the data model.
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

/** The label a reader sees for a column: a key of privacy.field (lib/i18n/messages/{nl,en}/privacy.json). */
export type FieldLabel = keyof Messages["privacy"]["field"];

/**
 * Why a column survives an erasure request, in AVG terms:
 * - anonymous: describes the anonymous row that remains; once the identifying columns are gone
 *   it is no personal data any more (recital 26).
 * - legalObligation: needed to show the rules were kept (art. 5(2) accountability, art. 17(3)(b)).
 * - legitimateInterest: an overriding interest of the group, stated with the column (art. 17(1)(c), 21(1)).
 * - notTheSubject: the column belongs to someone else (a staff account), never to the person erased.
 */
export type KeepBasis = "anonymous" | "legalObligation" | "legitimateInterest" | "notTheSubject";

/** A column an erasure leaves as it is: why, and on which basis. */
export interface Keep {
  readonly keep: string;
  readonly basis: KeepBasis;
}

/**
 * What an erasure (AVG art. 17) does to a column of the person's rows:
 * - `{ set }`: replaced by a fixed value; the row stays. With `heldWhileInGroup`, only once the
 *   person is out of the WhatsApp group (the contact person needs name and number to remove them).
 * - "erasureTime": set to the moment of the erasure (the row's own record that it was erased).
 * - "deleteRow": the person's rows of this table are deleted.
 * - "deleteEntries": the person's entries inside the value are removed (a spreadsheet's lines);
 *   the row goes with its last entry.
 * - a Keep: left as it is, with the reason and its basis.
 */
export type EraseRule<T> =
  | { readonly set: T; readonly heldWhileInGroup?: true }
  | "erasureTime"
  | "deleteRow"
  | "deleteEntries"
  | Keep;

/** A column the access export (AVG art. 15) does not show as stored, and why (what it shows instead, if anything). */
export interface Withheld {
  readonly withheld: string;
}

/**
 * A personal column: its category, its label, its erase rule and — only when the access export
 * does not show it as stored — why not. Null: no personal data.
 */
export type Column<T> =
  | readonly [category: DataCategory, label: FieldLabel, erase: EraseRule<T>]
  | readonly [category: DataCategory, label: FieldLabel, erase: EraseRule<T>, access: Withheld]
  | null;

/** Every scalar column of a model, each classified (a missing or unknown column fails the type check). */
type Columns<Model> = { readonly [K in keyof Model]-?: Column<Model[K]> };

const blank = { set: "" } as const;
const none = { set: null } as const;
const ROW = "deleteRow";

const ANONYMOUS_ROW: Keep = { keep: "describes the anonymous row that remains so counts add up; nothing in it points to the person", basis: "anonymous" };
const HISTORY: Keep = { keep: "ids, statuses and field names only, never values: the history of an anonymous row", basis: "anonymous" };
const AUDIT_TRAIL: Keep = { keep: "ids only, never personal data: the accountability trail must stay whole", basis: "legalObligation" };
const STAFF_ACCOUNT: Keep = { keep: "staff accounts: a resident's request does not end a colleague's account that shares the address", basis: "notTheSubject" };
const REPORT: Keep = { keep: "the report stays, about an anonymous row: a reason code and a date", basis: "anonymous" };
const REQUEST: Keep = { keep: "the request and how it was handled: proof that the person's rights were honoured (AVG art. 5(2), 12)", basis: "legalObligation" };

const APPLICATION = {
  id: null,
  name: ["identity", "name", { set: "", heldWhileInGroup: true }],
  mobile: ["contact", "mobile", { set: "", heldWhileInGroup: true }],
  street: ["address", "street", blank],
  houseNumber: ["address", "houseNumber", { set: 0 }],
  houseLetter: ["address", "houseNumber", none],
  houseNumberSuffix: ["address", "houseNumber", none],
  postcode: ["address", "postcode", blank],
  email: ["contact", "email", none],
  emailConfirmedAt: ["contact", "emailConfirmed", none],
  locale: ["language", "language", ANONYMOUS_ROW],
  rulesVersion: ["application", "rules", ANONYMOUS_ROW],
  rulesAcceptedAt: ["application", "rules", ANONYMOUS_ROW],
  status: ["application", "status", ANONYMOUS_ROW],
  rejectionReason: ["application", "reason", ANONYMOUS_ROW],
  source: ["application", "source", ANONYMOUS_ROW],
  addressUnrecognised: ["application", "status", ANONYMOUS_ROW],
  subareaId: ["application", "subarea", ANONYMOUS_ROW, { withheld: "shown as the subarea's name" }],
  suggestedSubareaId: ["application", "subarea", ANONYMOUS_ROW],
  matchedRuleId: null,
  duplicateOfId: ["application", "duplicate", ANONYMOUS_ROW],
  notes: ["notes", "notes", none],
  inGroup: ["application", "group", ANONYMOUS_ROW],
  repeatAttempts: ["application", "repeats", ANONYMOUS_ROW],
  lastRepeatAt: ["application", "repeats", ANONYMOUS_ROW],
  manageTokenHash: ["privateLink", "privateLink", none, { withheld: "a hash of the private link's code: it says nothing to the person and stays secret" }],
  anonymisedAt: ["application", "dates", "erasureTime"],
  reconfirmAskedAt: ["application", "reconfirm", ANONYMOUS_ROW],
  reconfirmedAt: ["application", "reconfirm", ANONYMOUS_ROW],
  memberCheckAskedAt: ["application", "memberCheck", ANONYMOUS_ROW],
  memberCheckRemindedAt: ["application", "memberCheck", ANONYMOUS_ROW],
  memberConfirmedAt: ["application", "memberCheck", ANONYMOUS_ROW],
  memberCheckOpen: ["application", "memberCheck", ANONYMOUS_ROW],
  statusChangedAt: ["application", "dates", ANONYMOUS_ROW],
  version: null,
  createdAt: ["application", "dates", ANONYMOUS_ROW],
  updatedAt: null,
} as const satisfies Columns<Prisma.ApplicationModel>;

const APPLICATION_EVENT = {
  id: null,
  applicationId: null,
  at: ["history", "history", HISTORY],
  actorKind: ["history", "history", HISTORY],
  actorId: ["history", "history", HISTORY],
  type: ["history", "history", HISTORY],
  fromStatus: ["history", "history", HISTORY],
  toStatus: ["history", "history", HISTORY],
  subareaId: ["history", "history", HISTORY],
  detail: ["history", "history", HISTORY],
} as const satisfies Columns<Prisma.ApplicationEventModel>;

const OUTBOX_MAIL = {
  id: null,
  to: ["contact", "email", ROW],
  subject: ["correspondence", "mail", ROW],
  text: ["correspondence", "mail", ROW],
  html: ["correspondence", "mail", ROW, { withheld: "the same mail as its text, with markup" }],
  template: null,
  status: null,
  attempts: null,
  nextAttemptAt: null,
  lockedUntil: null,
  lastError: null,
  sentAt: ["correspondence", "mail", ROW],
  applicationId: null,
  createdAt: null,
  messageId: null,
} as const satisfies Columns<Prisma.OutboxMailModel>;

const BLOCKED_NUMBER = {
  hash: [
    "protection",
    "blockedNumber",
    {
      keep: "a keyed hash, never the number: it keeps someone removed for breaking the rules from rejoining, until the blockedNumbers retention ends it",
      basis: "legitimateInterest",
    },
    { withheld: "shown as whether the person's number is blocked" },
  ],
  createdAt: null,
} as const satisfies Columns<Prisma.BlockedNumberModel>;

const EXPANSION_REQUEST = {
  id: null,
  name: ["identity", "name", ROW],
  mobile: ["contact", "mobile", ROW],
  email: ["contact", "email", ROW],
  streets: ["offer", "area", ROW],
  remark: ["offer", "remark", ROW],
  locale: ["language", "language", ROW],
  status: ["offer", "status", ROW],
  notes: ["notes", "notes", ROW],
  subareaId: ["offer", "subarea", ROW],
  userId: null,
  version: null,
  createdAt: ["offer", "dates", ROW],
  updatedAt: null,
} as const satisfies Columns<Prisma.ExpansionRequestModel>;

const MESSAGE = {
  id: null,
  name: ["identity", "name", ROW],
  replyTo: ["contact", "email", ROW],
  body: ["correspondence", "question", ROW],
  locale: ["language", "language", ROW],
  status: ["correspondence", "answered", ROW],
  reply: ["correspondence", "answer", ROW],
  answeredAt: ["correspondence", "answered", ROW],
  answeredById: null,
  createdAt: ["correspondence", "question", ROW],
  updatedAt: null,
} as const satisfies Columns<Prisma.MessageModel>;

const VIOLATION_REPORT = {
  id: null,
  applicationId: ["application", "violationReport", REPORT],
  subareaId: null,
  reportedById: null,
  reason: ["application", "violationReport", REPORT],
  // A contact person's note is free text: it goes.
  note: ["notes", "violationNote", none],
  status: null,
  handledAt: null,
  handledById: null,
  createdAt: ["application", "violationReport", REPORT],
} as const satisfies Columns<Prisma.ViolationReportModel>;

const MAIL_DRAFT = {
  id: null,
  createdById: null,
  fileName: ["intake", "mailFile", ROW],
  mailText: ["intake", "mailText", ROW],
  name: ["identity", "name", ROW],
  mobile: ["contact", "mobile", ROW],
  street: ["address", "street", ROW],
  houseNumber: ["address", "houseNumber", ROW],
  houseNumberSuffix: ["address", "houseNumber", ROW],
  postcode: ["address", "postcode", ROW],
  email: ["contact", "email", ROW],
  createdAt: null,
} as const satisfies Columns<Prisma.MailDraftModel>;

const IMPORT_BATCH = {
  id: null,
  createdById: null,
  fileName: ["intake", "importFile", { keep: "the name of a file that still holds other people's lines; it goes with the file's last line", basis: "notTheSubject" }],
  content: ["intake", "importFile", "deleteEntries"],
  rowCount: null,
  createdAt: null,
} as const satisfies Columns<Prisma.ImportBatchModel>;

const USER = {
  id: null,
  name: ["identity", "name", STAFF_ACCOUNT],
  email: ["contact", "email", STAFF_ACCOUNT],
  emailVerified: ["account", "signIn", STAFF_ACCOUNT],
  image: null,
  role: ["account", "role", STAFF_ACCOUNT],
  active: ["account", "role", STAFF_ACCOUNT],
  locale: ["language", "language", STAFF_ACCOUNT],
  digest: ["account", "preferences", STAFF_ACCOUNT],
  lastDigestAt: null,
  createdAt: null,
  updatedAt: null,
} as const satisfies Columns<Prisma.UserModel>;

const SUBAREA_CONTACT = {
  userId: null,
  subareaId: ["account", "subarea", STAFF_ACCOUNT],
  createdAt: null,
} as const satisfies Columns<Prisma.SubareaContactModel>;

const SESSION = {
  sessionToken: ["account", "signIn", STAFF_ACCOUNT],
  userId: null,
  expires: ["account", "signIn", STAFF_ACCOUNT],
  createdAt: null,
  updatedAt: null,
} as const satisfies Columns<Prisma.SessionModel>;

// A sign-in link asked for with the person's address (only staff get one, but anyone can ask).
const VERIFICATION_TOKEN = {
  identifier: ["contact", "email", ROW],
  token: ["account", "signIn", ROW],
  expires: ["account", "signIn", ROW],
} as const satisfies Columns<Prisma.VerificationTokenModel>;

const AUDIT_EVENT = {
  id: null,
  at: ["activity", "auditTrail", AUDIT_TRAIL],
  actorKind: ["activity", "auditTrail", AUDIT_TRAIL],
  actorId: ["activity", "auditTrail", AUDIT_TRAIL],
  actorRole: ["activity", "auditTrail", AUDIT_TRAIL],
  action: ["activity", "auditTrail", AUDIT_TRAIL],
  targetType: ["activity", "auditTrail", AUDIT_TRAIL],
  targetId: ["activity", "auditTrail", AUDIT_TRAIL],
  subjectIds: ["activity", "auditTrail", AUDIT_TRAIL],
  meta: ["activity", "auditTrail", AUDIT_TRAIL],
} as const satisfies Columns<Prisma.AuditEventModel>;

const PRIVACY_REQUEST = {
  id: null,
  type: ["request", "request", REQUEST],
  status: ["request", "request", REQUEST],
  applicationId: null,
  origin: ["request", "request", REQUEST],
  receivedAt: ["request", "request", REQUEST],
  dueAt: ["request", "request", REQUEST],
  closedAt: ["request", "request", REQUEST],
  handledById: null,
  note: ["request", "requestNote", none],
  createdAt: null,
  updatedAt: null,
} as const satisfies Columns<Prisma.PrivacyRequestModel>;

// Counters keyed by a keyed hash of an internet address or an e-mail address (sign-in by e-mail).
const RATE_LIMIT = {
  key: ["protection", "rateLimit", ROW, { withheld: "a keyed hash: it says nothing to the person" }],
  count: null,
  expiresAt: null,
} as const satisfies Columns<Prisma.RateLimitModel>;

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
/** A table's register entries, as their literal types (what the erasure and the access export derive their types from). */
export type RegisterOf<T extends PersonalDataTable> = (typeof PERSONAL_DATA)[T];

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

/** The personal columns of a table (the non-null entries of its register), in the register's order. */
export function personalColumns(table: PersonalDataTable): [column: string, entry: NonNullable<Column<unknown>>][] {
  return (Object.entries(PERSONAL_DATA[table]) as [string, Column<unknown>][]).filter((e): e is [string, NonNullable<Column<unknown>>] => e[1] !== null);
}

/** The categories of personal data an activity holds, each with its field labels, in a stable order. */
export function categoriesOf(activity: ProcessingActivity): { category: DataCategory; fields: FieldLabel[] }[] {
  const found = new Map<DataCategory, Set<FieldLabel>>();
  for (const table of activity.tables) {
    for (const [, [category, label]] of personalColumns(table)) {
      if (!found.has(category)) found.set(category, new Set());
      found.get(category)!.add(label);
    }
  }
  return [...found].map(([category, labels]) => ({ category, fields: [...labels] }));
}

/** What a contact person sees of someone in their subarea: the contact DTO's fields, as labels. */
export function contactPersonFields(): FieldLabel[] {
  const entries = new Map(personalColumns("Application"));
  return [...new Set(Object.keys(contactApplicationSelect).flatMap((column) => entries.get(column)?.[1] ?? []))];
}
