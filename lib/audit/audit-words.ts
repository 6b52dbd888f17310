import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { historyFieldLabel } from "../applications/column-labels";
import type { AuditWords } from "./describe-audit-event";

/**
 * The audit log's words in the viewer's language, from the typed message files: every call
 * below is checked against the Dutch file's keys, so a label missing for a code in a typed list
 * (actions, details, reasons, fields) fails the type check.
 */
export async function auditWords(subareaNames: Record<number, string>): Promise<AuditWords> {
  const [v, staff, privacy, format, field] = await Promise.all([
    getTranslations("vocabulary"),
    getTranslations("staff"),
    getTranslations("staffPrivacy"),
    getFormatter(),
    historyFieldLabel(),
  ]);
  return {
    metaLabel: (key) => v(`auditMeta.${key}`),
    yes: v("yes"),
    no: v("no"),
    number: (n) => format.number(n),
    applicationStatus: (s) => staff(`status.${s}`),
    subareaStatus: (s) => staff(`subareaStatus.${s}`),
    expansionStatus: (s) => staff(`expansion.status.${s}`),
    privacyStatus: (s) => privacy(`status.${s}`),
    privacyType: (s) => privacy(`type.${s}`),
    role: (r) => staff(`roles.${r}`),
    reason: (code) => v(`reasons.${code}`),
    field,
    channel: (c) => v(`channels.${c}`),
    format: (f) => v(`formats.${f}`),
    origin: (o) => v(`origins.${o}`),
    digest: (d) => v(`digest.${d}`),
    neighbourhoodText: (key) => staff(`settingsPage.keys.${key}.label`),
    subarea: (id) => subareaNames[id] ?? `#${id}`,
  };
}
