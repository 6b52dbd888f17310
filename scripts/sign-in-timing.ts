/**
 * tsx scripts/sign-in-timing.ts — does "send me a link" answer as fast for a staff address as
 * for an unknown one? Posts the sign-in form the way a browser without JavaScript does, to a
 * running server on this machine only, alternating a staff address and an unknown one, and
 * prints the median (and 90th percentile) answer time of each and their difference, in ms.
 *
 * Bounded: at most 400 requests, one at a time, to 127.0.0.1 or localhost only.
 * Options: --base URL (default http://127.0.0.1:3340), --requests N (default 200, even),
 * --staff ADDRESS (default coordinator@example.org). With DATABASE_URL set (the server's own
 * database, never a shared one), the sign-in rate limits are emptied before every request, so
 * every answer is a real "link sent" and not "too many attempts".
 * Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/buurt_e2e_x tsx scripts/sign-in-timing.ts
 */
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3340" },
    requests: { type: "string", default: "200" },
    staff: { type: "string", default: "coordinator@example.org" },
  },
});
const base = new URL(values.base);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("--base must be a server on this machine (127.0.0.1 or localhost).");
const REQUESTS = Math.min(400, Math.max(20, Math.round(Number(values.requests) / 2) * 2));
const WARM_UP = 10;

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden Server Action fields of the sign-in form, as a browser without JavaScript posts them. */
async function signInFormFields(): Promise<[string, string][]> {
  const html = await (await fetch(new URL("/sign-in", base))).text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((f) => f.includes('name="email"'));
  if (!form) throw new Error("no sign-in form on /sign-in");
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

async function timeOne(hidden: [string, string][], email: string): Promise<number> {
  const data = new FormData();
  for (const [name, value] of hidden) data.append(name, value);
  data.append("email", email);
  const started = performance.now();
  const response = await fetch(new URL("/sign-in", base), { method: "POST", body: data, redirect: "manual", headers: { origin: base.origin } });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 303 || !response.headers.get("location")?.includes("/sign-in/check-email")) {
    throw new Error(`unexpected answer ${response.status} ${response.headers.get("location") ?? ""} (rate limited? set DATABASE_URL)`);
  }
  return ms;
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null;
await db?.connect();
try {
  const hidden = await signInFormFields();
  const times = { staff: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < REQUESTS + WARM_UP; i++) {
    // Alternate, so drift in the machine's load falls on both alike.
    const kind = i % 2 === 0 ? "staff" : "unknown";
    await db?.query(`DELETE FROM "RateLimit"`);
    const ms = await timeOne(hidden, kind === "staff" ? values.staff : `nobody-${i}@example.org`);
    if (i >= WARM_UP) times[kind].push(ms);
    // Let the mail of the previous answer go out before the next is timed, as between people.
    await new Promise((r) => setTimeout(r, 50));
  }
  const row = (kind: keyof typeof times) => `${kind.padEnd(8)} n=${times[kind].length}  median ${quantile(times[kind], 0.5).toFixed(1)} ms  p90 ${quantile(times[kind], 0.9).toFixed(1)} ms`;
  console.log(row("staff"));
  console.log(row("unknown"));
  console.log(`median difference (staff − unknown): ${(quantile(times.staff, 0.5) - quantile(times.unknown, 0.5)).toFixed(1)} ms`);
} finally {
  await db?.end();
}
