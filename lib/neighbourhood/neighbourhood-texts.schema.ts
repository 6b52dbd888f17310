import { z } from "zod";
import { text } from "../public-forms/fields.schema";
import { LOCALES, type AppLocale } from "../i18n/locales";

/**
 * The texts that belong to the neighbourhood rather than to the software: shown on the public
 * pages, edited by a coordinator at /staff/settings (issue 14, point 14). Defaults are
 * Dieren-West's, under `neighbourhoodDefaults` in lib/i18n/messages/…/public.json.
 */
export const NEIGHBOURHOOD_TEXT_KEYS = ["coveredArea", "uncoveredArea", "volunteerIntro", "volunteerStreetsExample"] as const;
export type NeighbourhoodTextKey = (typeof NEIGHBOURHOOD_TEXT_KEYS)[number];

/** Longest text per key, in characters: a paragraph, or one line for the example streets. */
export const NEIGHBOURHOOD_TEXT_MAX: Record<NeighbourhoodTextKey, number> = {
  coveredArea: 600,
  uncoveredArea: 600,
  volunteerIntro: 600,
  volunteerStreetsExample: 150,
};

/** The form field of one text in one language, e.g. `coveredArea_nl`. */
export const neighbourhoodTextField = (key: NeighbourhoodTextKey, locale: AppLocale) => `${key}_${locale}`;

/** Every text in both languages, required, trimmed, without control characters. */
export const neighbourhoodTextsSchema = z.object(
  Object.fromEntries(
    NEIGHBOURHOOD_TEXT_KEYS.flatMap((key) => LOCALES.map((locale) => [neighbourhoodTextField(key, locale), text(NEIGHBOURHOOD_TEXT_MAX[key])])),
  ) as Record<string, ReturnType<typeof text>>,
);

export type NeighbourhoodTexts = Record<NeighbourhoodTextKey, Record<AppLocale, string>>;

/** The parsed form as `{ key: { nl, en } }`. */
export function textsFromForm(values: Record<string, string>): NeighbourhoodTexts {
  return Object.fromEntries(
    NEIGHBOURHOOD_TEXT_KEYS.map((key) => [key, Object.fromEntries(LOCALES.map((locale) => [locale, values[neighbourhoodTextField(key, locale)]!]))]),
  ) as NeighbourhoodTexts;
}
