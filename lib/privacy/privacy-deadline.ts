/**
 * AVG art. 12(3): a data-subject request is answered within one month of receipt. The due date
 * is the same day one month later (the last day of a shorter month when that day is missing).
 */
export function privacyDueAt(receivedAt: Date): Date {
  const due = new Date(receivedAt);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

/** Whole days from `now` until the deadline; negative when it has passed. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.floor((dueAt.getTime() - now.getTime()) / 86_400_000);
}

/** Open requests due within this many days show on the dashboard. */
export const NEAR_DEADLINE_DAYS = 7;

/** Today's date (YYYY-MM-DD) where the association is: the day a request counts as received. */
export function localDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}
