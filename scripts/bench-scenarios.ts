import type { Database } from "../lib/db/client";

export interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  requests?: { method?: "GET" | "POST"; path?: string; headers?: Record<string, string>; body?: string }[];
  /** For a write scenario: rows in the database, to check every 2xx was stored. */
  countRows?: () => Promise<number>;
  /** The targets, given this scenario's numbers and its ratio to the baseline. */
  targets?: (r: { requestsPerSecond: number; p99: number; ok: number; rowsStored?: number; notOk: number }, ratio: number) => boolean[];
}

/** What `npm run bench` measures; the first scenario is the baseline. */
export async function benchScenarios({ db, coordinatorCookie, contactCookie }: { db: Database; coordinatorCookie: string; contactCookie: string }): Promise<Scenario[]> {
  const [{ name }] = await db.query<{ name: string }>(`SELECT name FROM "Application" ORDER BY id LIMIT 1`);
  const [{ id: subareaId }] = await db.query<{ id: number }>(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`);
  const page = (r: { p99: number; notOk: number }, ratio: number, p99: number) => [ratio >= 0.5, r.p99 <= p99, r.notOk === 0];
  return [
    { name: "baseline /api/ping", path: "/api/ping" },
    {
      name: "inbox (filtered)",
      path: `/staff/applications?status=NEW,ASSIGNED&subarea=${subareaId}&sort=createdAt&dir=desc`,
      headers: { cookie: coordinatorCookie },
      targets: (r, ratio) => page(r, ratio, 150),
    },
    {
      name: "inbox search",
      path: `/staff/applications?q=${encodeURIComponent(name)}`,
      headers: { cookie: coordinatorCookie },
      targets: (r, ratio) => page(r, ratio, 250),
    },
    { name: "contact list", path: "/staff/group", headers: { cookie: contactCookie }, targets: (r, ratio) => page(r, ratio, 150) },
  ];
}
