import type { Database } from "../lib/db/client";
import { FORM_TOKEN_FIELD, issueFormToken } from "../lib/public-forms/form-guard";

/** Names as bench-results.json carries them (issue 15). */
export type ScenarioName = "constant" | "bare" | "inbox" | "search" | "contact" | "apply";

/** One measured row; `ratio` is against the bare page of the same run, measured alongside it. */
export interface Row {
  name: ScenarioName;
  rps: number;
  p50: number;
  p99: number;
  /** Against the bare page: measured in slices alternating with this page (bench.ts, `paired`). */
  ratio: number;
  /** The bare page's req/s in the slices alongside this page (pages only). */
  bareRps?: number;
  /** Bytes of the response body of one request (0 for a redirect). */
  htmlBytes: number;
  /** SQL statements one request sends (median of several, BEGIN/COMMIT included). */
  statements: number;
  /** Answers that were neither 2xx nor 3xx, plus errors and timeouts. */
  notOk: number;
}

/** Which numbers a post uses: each phase its own range, so the check can find every one. */
export type NumberRange = "warmup" | "measure" | "statements" | "twoInstances";
const RANGE_START: Record<NumberRange, number> = { measure: 0, twoInstances: 3_000_000, statements: 8_000_000, warmup: 9_000_000 };

export interface Scenario {
  name: ScenarioName;
  label: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** For a POST: the next request's body, headers and the mobile number it applies with. */
  next?: (range: NumberRange) => { body: string; headers: Record<string, string>; mobile: string };
  /** A staff page: at most 8 statements per request. */
  staff?: boolean;
  /** The issue's targets for this row, each named. */
  targets?: (row: Row) => [string, boolean][];
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The apply form as a browser without JavaScript posts it: the page's hidden Server Action and
 * spam-guard fields, plus the visible fields, as multipart. Each request gets its own mobile
 * number (06-8…, a range the seed never uses, split per phase) and its own client address in the
 * last X-Forwarded-For hop — the benchmark stands for many residents behind a proxy, not one
 * client hammering the form (which the rate limit stops after 10). A form token is accepted
 * once, so each request carries its own, minted with the server's secret as the page would.
 */
async function applyScenario(base: string, secret: string): Promise<Scenario> {
  const html = await (await fetch(`${base}/apply`)).text();
  const form = /<form[^>]*aria-label="Aanmeldformulier"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("no apply form on /apply");
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")] as const);
  const boundary = "----bench0123456789";
  const used: Record<NumberRange, number> = { warmup: 0, measure: 0, statements: 0, twoInstances: 0 };
  // The form token must be older than FORM_MIN_SECONDS (1 on the benchmark server).
  await new Promise((r) => setTimeout(r, 1100));
  return {
    name: "apply",
    label: "apply (POST)",
    path: "/apply",
    method: "POST",
    next: (range) => {
      const n = RANGE_START[range] + used[range]++;
      const mobile = `+3168${String(n).padStart(7, "0")}`;
      const body =
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
      const client = n + 1;
      return {
        body,
        mobile,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          origin: base,
          "x-forwarded-for": `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
        },
      };
    },
    targets: (r) => [["≥ 0.45× bare", r.ratio >= 0.45], ["all 2xx/3xx", r.notOk === 0]],
  };
}

/** Concurrent connections of the load generator. */
export const CONNECTIONS = 20;

/** What `npm run bench` measures: the constant route and the bare page first, as references. */
export async function benchScenarios({ base, db, coordinatorCookie, contactCookie, secret }: { base: string; db: Database; coordinatorCookie: string; contactCookie: string; secret: string }): Promise<Scenario[]> {
  const [{ name }] = await db.query<{ name: string }>(`SELECT name FROM "Application" ORDER BY id LIMIT 1`);
  const [{ id: subareaId }] = await db.query<{ id: number }>(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`);
  const page = (ratio: number, maxBytes?: number) => (r: Row): [string, boolean][] => [
    [`≥ ${ratio}× bare`, r.ratio >= ratio],
    ...(maxBytes ? ([[`≤ ${maxBytes / 1000} kB`, r.htmlBytes <= maxBytes]] as [string, boolean][]) : []),
    ["≤ 8 statements", r.statements <= 8],
    ["all 2xx/3xx", r.notOk === 0],
  ];
  return [
    { name: "constant", label: "constant /api/ping", path: "/api/ping" },
    // The cheapest page the framework can render (root layout only): the floor for every page.
    { name: "bare", label: "bare page", path: "/budget-baseline" },
    {
      name: "inbox",
      label: "inbox (filtered)",
      path: `/staff/applications?status=NEW,ASSIGNED&subarea=${subareaId}&sort=createdAt&dir=desc`,
      headers: { cookie: coordinatorCookie },
      staff: true,
      targets: page(0.33, 50_000),
    },
    { name: "search", label: "inbox search", path: `/staff/applications?q=${encodeURIComponent(name)}`, headers: { cookie: coordinatorCookie }, staff: true, targets: page(0.3) },
    { name: "contact", label: "contact list", path: "/staff/group", headers: { cookie: contactCookie }, staff: true, targets: page(0.25, 60_000) },
    await applyScenario(base, secret),
  ];
}
