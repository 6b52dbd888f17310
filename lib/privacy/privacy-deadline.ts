/**
 * AVG art. 12(3): a data-subject request is answered within one month of receipt. Due on the
 * same calendar day one month later where the association is (the last day of a shorter month
 * when that day is missing); stored as noon UTC, which is that day in Amsterdam.
 */
export function privacyDueAt(receivedAt: Date): Date {
  const [year, month, day] = localDay(receivedAt).split("-").map(Number) as [number, number, number];
  // `month` is 1-based, so as a 0-based index it already is the next month.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay), 12));
}

/** Calendar days (in the association's time zone) from today until the deadline's day; negative once it has passed. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.round((Date.parse(localDay(dueAt)) - Date.parse(localDay(now))) / 86_400_000);
}

/** Open requests due within this many days show on the dashboard. */
export const NEAR_DEADLINE_DAYS = 7;

/** Today's date (YYYY-MM-DD) where the association is: the day a request counts as received. */
export function localDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}
