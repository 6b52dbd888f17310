import type { Database } from "../lib/db/client";
import { FORM_TOKEN_FIELD, issueFormToken } from "../lib/public-forms/form-guard";

export interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Per-request changes (autocannon's setupRequest), e.g. a unique body for each POST. */
  setupRequest?: (request: { headers?: Record<string, string>; body?: string | Buffer }) => { headers?: Record<string, string>; body?: string | Buffer };
  /** For a write scenario: how many of the answers acknowledge a stored row, and the rows stored. */
  countRows?: () => Promise<number>;
  acknowledgedStatus?: number;
  /** The issue's targets, given this scenario's numbers and its ratio to the baseline. */
  targets?: (r: { requestsPerSecond: number; p99: number; acknowledged: number; rowsStored?: number; notOk: number }, ratio: number) => boolean[];
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The apply form as a browser without JavaScript posts it: the page's hidden Server Action and
 * spam-guard fields, plus the visible fields, as multipart. Each request gets its own mobile
 * number (06-8…, a range the seed never uses) and its own client address in the last
 * X-Forwarded-For hop — the benchmark stands for many residents behind a proxy, not one client
 * hammering the form (which the rate limit stops after 10). A form token is accepted once, so
 * each request carries its own, minted with the server's secret as the page would.
 */
async function applyScenario(base: string, db: Database, secret: string): Promise<Scenario> {
  const html = await (await fetch(`${base}/apply`)).text();
  const form = /<form[^>]*aria-label="Aanmeldformulier"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("no apply form on /apply");
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")] as const);
  const boundary = "----bench0123456789";
  let n = 0;
  const body = (mobile: string) =>
    [
      ...hidden.map(([k, v]) => [k, k === FORM_TOKEN_FIELD ? issueFormToken("apply", Date.now() - 2000, secret) : v]),
      ["name", "Bench Bewoner"],
      ["mobile", mobile],
      ["street", "Kerkstraat"],
      ["houseNumber", "12"],
      ["postcode", "6951 AB"],
      ["email", ""],
      ["acceptRules", "on"],
      ["website", ""],
    ]
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  const before = async () => Number((await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM "Application" WHERE mobile LIKE '+3168%'`))[0]!.n);
  // The form token must be older than FORM_MIN_SECONDS (1 on the benchmark server).
  await new Promise((r) => setTimeout(r, 1100));
  return {
    name: "apply (POST)",
    path: "/apply",
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base },
    setupRequest: (request) => {
      n++;
      return {
        ...request,
        headers: { ...request.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        body: body(`+3168${String(n).padStart(7, "0")}`),
      };
    },
    countRows: before,
    // A no-JavaScript Server Action answers a stored application with a redirect to the thanks page.
    acknowledgedStatus: 303,
    // Nothing lost: every acknowledged application is a row. A few more rows than answers is
    // fine: requests still in flight when the run's time is up are stored but never counted.
    targets: (r) => [r.requestsPerSecond >= 100, r.rowsStored! >= r.acknowledged && r.rowsStored! - r.acknowledged <= CONNECTIONS, r.notOk === 0],
  };
}

/** Concurrent connections of the load generator. */
export const CONNECTIONS = 20;

/** What `npm run bench` measures; the first scenario is the baseline. */
export async function benchScenarios({ base, db, coordinatorCookie, contactCookie, secret }: { base: string; db: Database; coordinatorCookie: string; contactCookie: string; secret: string }): Promise<Scenario[]> {
  const [{ name }] = await db.query<{ name: string }>(`SELECT name FROM "Application" ORDER BY id LIMIT 1`);
  const [{ id: subareaId }] = await db.query<{ id: number }>(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`);
  const page = (r: { p99: number; notOk: number }, ratio: number, p99: number) => [ratio >= 0.5, r.p99 <= p99, r.notOk === 0];
  return [
    { name: "baseline /api/ping", path: "/api/ping" },
    // No target: the cheapest page the framework can render (root layout only), to show how
    // much of a page's cost is the framework's before any of ours.
    { name: "bare page", path: "/budget-baseline" },
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
    await applyScenario(base, db, secret),
  ];
}
