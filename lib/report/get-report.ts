import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import type { Tx } from "../db/scope";
import { streetKey } from "../subareas/address";
import { addMonths, monthStart, type ReportPeriod } from "./report-period";
import { figure, totalOf, type Figure } from "./small-counts";
import { assertCan } from "../auth/can";

export type ExpansionOutcome = "OPEN" | "APPROVED" | "DECLINED" | "WITHDRAWN";
export const EXPANSION_OUTCOMES: readonly ExpansionOutcome[] = ["OPEN", "APPROVED", "DECLINED", "WITHDRAWN"];

/** The report's figures: counts only, every one through lib/report/small-counts.ts. */
export interface Report {
  period: ReportPeriod;
  /** The moment the figures describe: the end of the last month, or now when that is sooner. */
  asOf: Date;
  /** Members (status "added") per subarea at the end of each month (index = period.months); name null: a deleted subarea. */
  membersBySubarea: { name: string | null; months: Figure[] }[];
  membersTotal: Figure[];
  /** Joined (became "added") and left (stopped being "added") per month, and over the period. */
  flow: { month: string; joined: Figure; left: Figure }[];
  flowTotal: { joined: Figure; left: Figure };
  /** Streets with members at `asOf`: households (addresses) reached. */
  streets: { street: string; households: Figure }[];
  /** Streets with residents waiting for a group at `asOf`. */
  waiting: { street: string; waiting: Figure }[];
  waitingTotal: Figure;
  /** Expansion requests made in the period, by what became of them. */
  expansion: { outcome: ExpansionOutcome; count: Figure }[];
  expansionTotal: Figure;
}

/**
 * Everything the municipality and police report shows, for whoever has `report.read` (others: NotFoundError).
 * Membership over time comes from the application history (ApplicationEvent): an application's
 * status at a moment is the `toStatus` of its last status-changing event before it, in the
 * subarea that event names. So the figures for a past month stay what they were, whatever
 * happened later. Months are Amsterdam calendar months; `now` is the clock (tests move it) and
 * nothing after it counts. Streets are merged as the coverage page does (lib/subareas streetKey).
 * No names, numbers, e-mail addresses or house numbers leave this function: only street names,
 * subarea names and counts, with small counts hidden (small-counts.ts).
 */
export async function getReport(viewer: Viewer, period: ReportPeriod, now: Date = new Date()): Promise<Report> {
  assertCan(viewer, "report.read");
  const starts = period.months.map((m) => monthStart(m));
  const ends = period.months.map((m) => new Date(Math.min(monthStart(addMonths(m, 1)).getTime(), now.getTime())));
  const asOf = ends[ends.length - 1] ?? now;
  return withViewer(viewer, async (tx) => {
    const [members, flow, streets, waiting, expansion, subareas] = await Promise.all([
      membersAt(tx, ends),
      flowIn(tx, starts, ends),
      addressesAt(tx, asOf, "ADDED"),
      addressesAt(tx, asOf, "WAITING"),
      expansionIn(tx, starts[0] ?? now, asOf),
      tx.subarea.findMany({ select: { id: true, name: true, status: true }, orderBy: { name: "asc" } }),
    ]);

    const shownSubareas = subareas.filter((s) => s.status === "ACTIVE" || members.some((m) => m.subareaId === s.id));
    const grid = shownSubareas.map((s) => period.months.map((_, i) => members.find((m) => m.subareaId === s.id && m.i === i + 1)?.n ?? 0));
    // Members whose subarea was since deleted still count in the totals, as "another subarea".
    const known = new Set(shownSubareas.map((s) => s.id));
    const orphan = period.months.map((_, i) => members.filter((m) => m.i === i + 1 && (m.subareaId === null || !known.has(m.subareaId))).reduce((a, m) => a + m.n, 0));
    const rows: { name: string | null; counts: number[] }[] = shownSubareas.map((s, r) => ({ name: s.name, counts: grid[r]! }));
    if (orphan.some((n) => n > 0)) rows.push({ name: null, counts: orphan });

    const flowRows = period.months.map((month, i) => ({ month, joined: flow.find((f) => f.i === i + 1)?.joined ?? 0, left: flow.find((f) => f.i === i + 1)?.left ?? 0 }));

    const streetRows = mergeStreets(streets).sort((a, b) => a.street.localeCompare(b.street, "nl"));
    const waitingRows = mergeStreets(waiting).sort((a, b) => b.n - a.n || a.street.localeCompare(b.street, "nl"));
    // Waiting residents live where no group takes their address: the uncovered (parts of) streets.
    const uncovered = waitingRows;

    const outcomeOf = (status: string): ExpansionOutcome => (status === "APPROVED" || status === "DECLINED" || status === "WITHDRAWN" ? status : "OPEN");
    const outcomes = EXPANSION_OUTCOMES.map((outcome) => expansion.filter((e) => outcomeOf(e.status) === outcome).reduce((a, e) => a + e.n, 0));

    return {
      period,
      asOf,
      membersBySubarea: rows.map((r) => ({ name: r.name, months: r.counts.map(figure) })),
      membersTotal: period.months.map((_, i) => totalOf(rows.map((r) => r.counts[i]!))),
      flow: flowRows.map((f) => ({ month: f.month, joined: figure(f.joined), left: figure(f.left) })),
      flowTotal: { joined: totalOf(flowRows.map((f) => f.joined)), left: totalOf(flowRows.map((f) => f.left)) },
      streets: streetRows.map((s) => ({ street: s.street, households: figure(s.households) })),
      waiting: uncovered.map((w) => ({ street: w.street, waiting: figure(w.n) })),
      waitingTotal: totalOf(uncovered.map((w) => w.n)),
      expansion: EXPANSION_OUTCOMES.map((outcome, i) => ({ outcome, count: figure(outcomes[i]!) })),
      expansionTotal: totalOf(outcomes),
    };
  }, { timeout: 60_000 });
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/**
 * Members per subarea at each moment in `ends` (i = 1-based position). One pass over the
 * history: each status-changing event holds from its moment until the application's next one
 * (same moment: the later event wins), and a moment counts the spans it falls in.
 */
async function membersAt(tx: Tx, ends: Date[]) {
  return tx.$queryRaw<{ i: number; subareaId: number | null; n: number }[]>`
    WITH spans AS (
      SELECT ev."toStatus", COALESCE(ev."subareaId", a."subareaId") AS "subareaId", ev.at AS since,
        lead(ev.at) OVER (PARTITION BY ev."applicationId" ORDER BY ev.at, ev.id) AS until
      FROM "ApplicationEvent" ev JOIN "Application" a ON a.id = ev."applicationId"
      WHERE ev."toStatus" IS NOT NULL
    )
    SELECT p.i::int AS i, s."subareaId", count(*)::int AS n
    FROM unnest(${iso(ends)}::text[]) WITH ORDINALITY AS p(t, i)
    JOIN spans s ON s."toStatus" = 'ADDED' AND s.since < p.t::timestamptz AND (s.until IS NULL OR s.until >= p.t::timestamptz)
    GROUP BY 1, 2`;
}

/** Status changes into and out of "added" per month (between starts[i] and ends[i]). */
async function flowIn(tx: Tx, starts: Date[], ends: Date[]) {
  return tx.$queryRaw<{ i: number; joined: number; left: number }[]>`
    SELECT p.i::int AS i,
      count(*) FILTER (WHERE ev."toStatus" = 'ADDED')::int AS joined,
      count(*) FILTER (WHERE ev."fromStatus" = 'ADDED')::int AS "left"
    FROM unnest(${iso(starts)}::text[], ${iso(ends)}::text[]) WITH ORDINALITY AS p(s, e, i)
    JOIN "ApplicationEvent" ev ON ev.at >= p.s::timestamptz AND ev.at < p.e::timestamptz
    WHERE ev."toStatus" IS NOT NULL AND ev."fromStatus" IS DISTINCT FROM ev."toStatus"
      AND (ev."toStatus" = 'ADDED' OR ev."fromStatus" = 'ADDED')
    GROUP BY 1`;
}

/** Per street as typed: how many distinct addresses had an application in `status` at `at`, and how many applications. */
async function addressesAt(tx: Tx, at: Date, status: "ADDED" | "WAITING") {
  return tx.$queryRaw<{ street: string; households: number; n: number }[]>`
    SELECT btrim(a.street) AS street,
      count(DISTINCT (a."houseNumber", lower(COALESCE(a."houseLetter", '')), lower(COALESCE(a."houseNumberSuffix", ''))))::int AS households,
      count(*)::int AS n
    FROM (
      SELECT DISTINCT ON (ev."applicationId") ev."applicationId", ev."toStatus"
      FROM "ApplicationEvent" ev
      WHERE ev."toStatus" IS NOT NULL AND ev.at < ${at.toISOString()}::timestamptz
      ORDER BY ev."applicationId", ev.at DESC, ev.id DESC
    ) s JOIN "Application" a ON a.id = s."applicationId"
    WHERE s."toStatus" = ${status}::"ApplicationStatus" AND a."anonymisedAt" IS NULL
    GROUP BY 1`;
}

async function expansionIn(tx: Tx, from: Date, to: Date) {
  const rows = await tx.expansionRequest.groupBy({ by: ["status"], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } });
  return rows.map((r) => ({ status: r.status as string, n: r._count._all }));
}

/** Streets typed differently ("kerkstraat", "Kerkstraat ") count as one, as on the coverage page. */
function mergeStreets(rows: { street: string; households: number; n: number }[]) {
  const byKey = new Map<string, { street: string; households: number; n: number }>();
  for (const r of rows) {
    const key = streetKey(r.street);
    if (!key) continue;
    const entry = byKey.get(key) ?? { street: r.street, households: 0, n: 0 };
    entry.households += r.households;
    entry.n += r.n;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
