import { INTL_LOCALE, type AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
/**
 * The report's rule against singling anyone out (issue 16, part 3), in one place. No server
 * imports: the page, the PDF and the spreadsheet all print figures made here.
 *
 * 1. A count of 1 to 4 is shown as "< 5"; 0 stays 0 (nobody to single out) and 5 or more is
 *    shown as it is. The hidden value never leaves this module: a `Figure` of kind "small"
 *    carries no number, so no page, chart or file can print it by mistake.
 * 2. A total whose parts include a hidden count is not shown exactly (that would give the
 *    hidden count by subtraction): it is shown as "minstens N" ("at least N"), N being the shown parts plus 1 for
 *    each hidden part — the least it can be, which anyone can already add up from the parts.
 *    A total with no hidden part is exact. (A total of a single hidden part is hidden itself.)
 * 3. Streets are reported in households reached, not members, so the per-street figures add
 *    up to no members total elsewhere in the report (see lib/report/get-report.ts).
 */
export const SMALL_COUNT_LIMIT = 5;

export type Figure =
  | { kind: "exact"; value: number }
  | { kind: "small" }
  | { kind: "atLeast"; value: number };

/** A single count, hidden when 1–4 (rule 1). */
export function figure(count: number): Figure {
  return count > 0 && count < SMALL_COUNT_LIMIT ? { kind: "small" } : { kind: "exact", value: count };
}

/** The total of `counts` as shown beside them (rule 2). */
export function totalOf(counts: readonly number[]): Figure {
  const hidden = counts.filter((c) => c > 0 && c < SMALL_COUNT_LIMIT).length;
  const shown = counts.filter((c) => c === 0 || c >= SMALL_COUNT_LIMIT).reduce((a, b) => a + b, 0);
  if (hidden === 0) return { kind: "exact", value: shown };
  if (shown === 0 && hidden === 1) return { kind: "small" };
  return { kind: "atLeast", value: shown + hidden };
}

/**
 * The figure as text: "12", "< 5" or "minstens 23" / "at least 23" (words, not "≥": the PDF's
 * standard font prints only Western European characters, and all three outputs read the same).
 */
export function figureText(f: Figure, locale: AppLocale = "nl"): string {
  const n = (v: number) => v.toLocaleString(INTL_LOCALE[locale]);
  if (f.kind === "small") return `< ${SMALL_COUNT_LIMIT}`;
  if (f.kind === "atLeast") return translatorFor(locale)("report.atLeast", { value: n(f.value) });
  return n(f.value);
}

/**
 * A length for a chart's bar: the exact value, the lower bound of a "≥" total, or the upper
 * bound 4 for a hidden count (the same for every hidden count, so a bar gives nothing away).
 */
export function chartValue(f: Figure): number {
  return f.kind === "small" ? SMALL_COUNT_LIMIT - 1 : f.value;
}
