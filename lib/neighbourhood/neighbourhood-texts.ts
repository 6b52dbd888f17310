import "server-only";
import { withScope } from "../db";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { Viewer } from "../auth/viewer-types";
import { config } from "../config/env";
import { LOCALES, type AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import { NEIGHBOURHOOD_TEXT_KEYS, type NeighbourhoodTextKey, type NeighbourhoodTexts } from "./neighbourhood-texts.schema";
import { assertCan } from "../auth/can";

/** Dieren-West's text for a key, in one language, with the configured neighbourhood name filled in. */
export function defaultNeighbourhoodText(key: NeighbourhoodTextKey, locale: AppLocale): string {
  return translatorFor(locale)(`neighbourhoodDefaults.${key}`, { neighbourhood: config().NEIGHBOURHOOD_NAME });
}

/**
 * The texts the public pages show: what a coordinator stored, else the default. Read through the
 * service scope (public pages have no viewer; the table holds no personal data).
 */
export async function loadNeighbourhoodTexts(): Promise<NeighbourhoodTexts> {
  const rows = await withScope({ role: "service" }, (tx) => tx.neighbourhoodText.findMany({ select: { key: true, nl: true, en: true } }));
  const stored = new Map(rows.map((row) => [row.key, row]));
  return Object.fromEntries(
    NEIGHBOURHOOD_TEXT_KEYS.map((key) => [
      key,
      Object.fromEntries(LOCALES.map((locale) => [locale, stored.get(key)?.[locale] ?? defaultNeighbourhoodText(key, locale)])),
    ]),
  ) as NeighbourhoodTexts;
}

/** One language's texts, for a public page. */
export async function neighbourhoodTextsIn(locale: AppLocale): Promise<Record<NeighbourhoodTextKey, string>> {
  const texts = await loadNeighbourhoodTexts();
  return Object.fromEntries(NEIGHBOURHOOD_TEXT_KEYS.map((key) => [key, texts[key][locale]])) as Record<NeighbourhoodTextKey, string>;
}

/**
 * Stores the neighbourhood's texts (`settings.edit`; others get NotFoundError). A text equal to
 * its default in both languages is stored as no row, so it follows the default. Returns the keys
 * that changed; the audit event names those keys, never the texts.
 */
export async function saveNeighbourhoodTexts(viewer: Viewer, texts: NeighbourhoodTexts): Promise<NeighbourhoodTextKey[]> {
  assertCan(viewer, "settings.edit");
  const before = await loadNeighbourhoodTexts();
  const changed = NEIGHBOURHOOD_TEXT_KEYS.filter((key) => LOCALES.some((locale) => texts[key][locale] !== before[key][locale]));
  if (changed.length === 0) return [];
  await withViewer(viewer, async (tx) => {
    for (const key of changed) {
      const isDefault = LOCALES.every((locale) => texts[key][locale] === defaultNeighbourhoodText(key, locale));
      if (isDefault) await tx.neighbourhoodText.deleteMany({ where: { key } });
      else await tx.neighbourhoodText.upsert({ where: { key }, create: { key, ...texts[key] }, update: texts[key] });
    }
    await recordAudit(tx, viewer, { action: "settings.texts_changed", targetType: "NeighbourhoodText", meta: { keys: changed } });
  });
  return changed;
}
