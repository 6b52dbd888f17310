import type { ApplicationStatus } from "../db/generated/enums";
import { isEventType, isHistoryField, isHistoryReason, type ApplicationEventType, type HistoryField, type HistoryReason } from "./history-vocabulary";

/** The words a history line needs, already in the reader's language (typed message keys). */
export interface HistoryWords {
  eventType(type: ApplicationEventType): string;
  status(status: ApplicationStatus): string;
  field(field: HistoryField): string;
  reason(code: HistoryReason): string;
}

export interface HistoryEventLike {
  type: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  detail: unknown;
}

// Lines whose type alone does not say what changed: their fields are the news.
const FIELDS_SHOWN: readonly ApplicationEventType[] = ["EDITED", "CORRECTED", "MERGED_IN"];

/**
 * One line of an application's history in words — "Status gewijzigd · Nieuw → Toegewezen ·
 * niet op WhatsApp" — never a code: a type, field or reason this code does not know (an old
 * row) is shown as it is stored, so nothing is hidden either.
 */
export function describeHistoryEvent(event: HistoryEventLike, words: HistoryWords): string {
  const detail = (event.detail && typeof event.detail === "object" ? event.detail : {}) as { fields?: unknown; reason?: unknown };
  const parts = [isEventType(event.type) ? words.eventType(event.type) : event.type];
  if (event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus) parts.push(`${words.status(event.fromStatus)} → ${words.status(event.toStatus)}`);
  else if (event.toStatus && !event.fromStatus) parts.push(words.status(event.toStatus));
  const fields = Array.isArray(detail.fields) ? detail.fields.filter((f): f is string => typeof f === "string") : [];
  if (fields.length && (!isEventType(event.type) || FIELDS_SHOWN.includes(event.type))) {
    parts.push(fields.map((f) => (isHistoryField(f) ? words.field(f) : f)).join(", "));
  }
  if (typeof detail.reason === "string" && detail.reason) parts.push(isHistoryReason(detail.reason) ? words.reason(detail.reason) : detail.reason);
  return parts.join(" · ");
}

/** Field names of a history's detail, for a machine-readable export (kept as codes). */
export function historyFieldsOf(detail: unknown): string[] {
  const fields = (detail && typeof detail === "object" ? (detail as { fields?: unknown }).fields : undefined) ?? [];
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : [];
}
