import { z } from "zod";

/**
 * The report's period: whole calendar months in Europe/Amsterdam time. From the URL:
 * `months=6|12|24` (the last months up to and including the current one), or else (the page's
 * "choose" option sends `months=custom`) `from=YYYY-MM` and `to=YYYY-MM`. Nonsense, a reversed range, a future end or more than 24 months falls back
 * to (or is cut to) something valid, with `error` saying what was wrong; never an exception.
 * No server imports: the page's form reads it too.
 */
export const REPORT_MAX_MONTHS = 24;
export const REPORT_PRESETS = [6, 12, 24] as const;
const TIME_ZONE = "Europe/Amsterdam";
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface ReportPeriod {
  from: string;
  to: string;
  /** Every month from `from` to `to`, "YYYY-MM". */
  months: string[];
  preset: number | null;
  error?: "invalidRange" | "tooLong";
}

/** The month "YYYY-MM" that `date` falls in, in Amsterdam. */
export function amsterdamMonth(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit" }).format(date).slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= REPORT_MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The instant a month starts in Amsterdam (midnight on the 1st). Summer time never changes on
 * the 1st, so the offset at that midnight is the offset of the guess.
 */
export function monthStart(month: string): Date {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, 1);
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .formatToParts(new Date(guess))
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const offset = Date.UTC(local.year!, local.month! - 1, local.day!, local.hour!, local.minute!) - guess;
  return new Date(guess - offset);
}

const querySchema = z.object({
  months: z.coerce.number().int().optional().catch(undefined),
  from: z.string().regex(MONTH).optional().catch(undefined),
  to: z.string().regex(MONTH).optional().catch(undefined),
});

/** Reads the period from URL parameters (see above); `now` is the clock (tests move it). */
export function parseReportPeriod(params: URLSearchParams | Record<string, string | string[] | undefined>, now: Date = new Date()): ReportPeriod {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const q = querySchema.parse({ months: get("months"), from: get("from"), to: get("to") });
  const current = amsterdamMonth(now);
  const preset = (n: number, error?: ReportPeriod["error"]): ReportPeriod => {
    const from = addMonths(current, 1 - n);
    return { from, to: current, months: monthsBetween(from, current), preset: n, ...(error ? { error } : {}) };
  };
  if ((REPORT_PRESETS as readonly number[]).includes(q.months ?? 0)) return preset(q.months!);
  if (q.from && q.to) {
    const to = q.to > current ? current : q.to;
    if (q.from > to) return preset(6, "invalidRange");
    const months = monthsBetween(q.from, to);
    if (months.length > REPORT_MAX_MONTHS) {
      const from = addMonths(to, 1 - REPORT_MAX_MONTHS);
      return { from, to, months: monthsBetween(from, to), preset: null, error: "tooLong" };
    }
    return { from: q.from, to, months, preset: null };
  }
  return preset(6);
}
