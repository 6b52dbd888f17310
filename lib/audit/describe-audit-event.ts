import { ApplicationStatus, ExpansionStatus, PrivacyRequestStatus, PrivacyRequestType, StaffRole, SubareaStatus } from "../db/generated/enums";
import { isHistoryField, isHistoryReason, type HistoryField, type HistoryReason } from "../applications/history-vocabulary";
import { AUDIT_META_KEYS, type AuditMetaKey } from "./audit-vocabulary";
import { NEIGHBOURHOOD_TEXT_KEYS, type NeighbourhoodTextKey } from "../neighbourhood/neighbourhood-texts.schema";

/**
 * The words the audit log needs, already in the reader's language. The page builds them from
 * the typed message files; tests pass plain functions. Codes a function does not know (an old
 * row, a value from before a rename) never reach it: they are shown as they are.
 */
export interface AuditWords {
  metaLabel(key: AuditMetaKey): string;
  yes: string;
  no: string;
  number(value: number): string;
  applicationStatus(status: ApplicationStatus): string;
  subareaStatus(status: SubareaStatus): string;
  expansionStatus(status: ExpansionStatus): string;
  privacyStatus(status: PrivacyRequestStatus): string;
  privacyType(type: PrivacyRequestType): string;
  role(role: StaffRole): string;
  reason(code: HistoryReason): string;
  field(field: HistoryField): string;
  channel(channel: AuditChannel): string;
  format(format: AuditFormat): string;
  origin(origin: "STAFF" | "RESIDENT" | "SYSTEM"): string;
  digest(digest: "OFF" | "DAILY"): string;
  /** The name of one of the neighbourhood's own texts (/staff/settings). */
  neighbourhoodText(key: NeighbourhoodTextKey): string;
  /** A subarea's name by id (ids of deleted subareas come back as a number). */
  subarea(id: number): string;
}

export const AUDIT_CHANNELS = ["list", "detail", "vcard", "workspace", "whatsapp"] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];
export const AUDIT_FORMATS = ["xlsx", "csv", "page", "json"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** How each detail is read; typed so a new key in AUDIT_META_KEYS must say how it is shown. */
const KIND = {
  status: "status",
  from: "statusOrNumber",
  to: "statusOrNumber",
  reason: "reason",
  channel: "channel",
  count: "number",
  format: "format",
  fields: "fields",
  subareaId: "subarea",
  ruleId: "number",
  role: "role",
  subareas: "number",
  digest: "digest",
  withReplyAddress: "boolean",
  mailed: "boolean",
  type: "privacyType",
  origin: "origin",
  outcome: "privacyStatus",
  skippedInvalid: "number",
  skippedDuplicates: "number",
  blockedNumber: "boolean",
  duplicateNumber: "boolean",
  withEmail: "boolean",
  numberBlocked: "boolean",
  keptForRemoval: "boolean",
  mail: "number",
  messages: "number",
  expansionRequests: "number",
  mailDrafts: "number",
  importRows: "number",
  moved: "number",
  newAccount: "boolean",
  keys: "neighbourhoodTexts",
  inGroup: "boolean",
} as const satisfies Record<AuditMetaKey, string>;

const within = <T extends string>(values: Record<string, T> | readonly T[], value: unknown): value is T =>
  typeof value === "string" && (Array.isArray(values) ? values : Object.values(values)).includes(value as T);

/**
 * An audit event's details as "label: value" pairs in the reader's language, in a fixed order
 * (the order of AUDIT_META_KEYS). `action` decides what a bare `status` means (a subarea's, a
 * volunteer offer's or an application's). Unknown keys and values are shown as they are.
 */
export function describeAuditMeta(action: string, meta: unknown, words: AuditWords): { label: string; value: string }[] {
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) return [];
  const m = meta as Record<string, unknown>;
  const out: { label: string; value: string }[] = [];
  for (const key of AUDIT_META_KEYS) {
    if (!(key in m) || m[key] === null || m[key] === undefined) continue;
    out.push({ label: words.metaLabel(key), value: describeValue(KIND[key], action, m[key], words) });
  }
  for (const key of Object.keys(m)) {
    if (!(AUDIT_META_KEYS as readonly string[]).includes(key)) out.push({ label: key, value: String(m[key]) });
  }
  return out;
}

function describeValue(kind: (typeof KIND)[AuditMetaKey], action: string, value: unknown, w: AuditWords): string {
  if (typeof value === "boolean") return value ? w.yes : w.no;
  if (typeof value === "number") return kind === "subarea" ? w.subarea(value) : w.number(value);
  if (Array.isArray(value) && kind === "neighbourhoodTexts") return value.map((v) => (within(NEIGHBOURHOOD_TEXT_KEYS, v) ? w.neighbourhoodText(v) : String(v))).join(", ");
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" && isHistoryField(v) ? w.field(v) : String(v))).join(", ");
  const text = String(value);
  switch (kind) {
    case "status":
      if (action.startsWith("subarea.") && within(SubareaStatus, text)) return w.subareaStatus(text);
      if (action.startsWith("expansion.") && within(ExpansionStatus, text)) return w.expansionStatus(text);
      return within(ApplicationStatus, text) ? w.applicationStatus(text) : text;
    case "statusOrNumber":
      return within(ApplicationStatus, text) ? w.applicationStatus(text) : text;
    case "reason":
      return isHistoryReason(text) ? w.reason(text) : text;
    case "channel":
      return within(AUDIT_CHANNELS, text) ? w.channel(text) : text;
    case "format":
      return within(AUDIT_FORMATS, text) ? w.format(text) : text;
    case "role":
      return within(StaffRole, text) ? w.role(text) : text;
    case "digest":
      return text === "OFF" || text === "DAILY" ? w.digest(text) : text;
    case "privacyType":
      return within(PrivacyRequestType, text) ? w.privacyType(text) : text;
    case "privacyStatus":
      return within(PrivacyRequestStatus, text) ? w.privacyStatus(text) : text;
    case "origin":
      return text === "STAFF" || text === "RESIDENT" || text === "SYSTEM" ? w.origin(text) : text;
    default:
      return text;
  }
}

/** Actions that record a person looking at something: repeated ones are shown as one line. */
export const VIEW_ACTIONS: readonly string[] = ["application.disclosed", "privacy.access_exported"];

export interface AuditRowLike {
  at: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  meta: unknown;
}

/**
 * Folds consecutive views of the same page by the same person into one line with a count and
 * the time of the first view. Only the display folds: every view stays its own row in the
 * table (it is a disclosure record). Rows come newest first, so a group's line is its newest
 * row and `since` its oldest time.
 */
export function groupRepeatedViews<R extends AuditRowLike>(rows: readonly R[]): { row: R; count: number; since: Date }[] {
  const groups: { row: R; count: number; since: Date; key: string | null }[] = [];
  for (const row of rows) {
    const key = viewKey(row);
    const last = groups.at(-1);
    if (key !== null && last && last.key === key) {
      last.count += 1;
      last.since = row.at;
    } else {
      groups.push({ row, count: 1, since: row.at, key });
    }
  }
  return groups.map(({ row, count, since }) => ({ row, count, since }));
}

function viewKey(row: AuditRowLike): string | null {
  if (!VIEW_ACTIONS.includes(row.action) || row.actorKind !== "STAFF" || !row.actorId) return null;
  const meta = (row.meta && typeof row.meta === "object" ? row.meta : {}) as Record<string, unknown>;
  return JSON.stringify([row.actorId, row.action, row.targetType, row.targetId, meta.channel ?? null, meta.format ?? null]);
}
