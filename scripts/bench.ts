/**
 * npm run bench — how fast the pages that matter are at 100,000 applications, against the bare
 * page of the same build in the same run (the floor this stack allows; issue 15), with the
 * constant route as a reference: a fresh PostgreSQL database ($TEST_DATABASE_URL's server, else
 * 127.0.0.1:5432), the production build, and a load generator (autocannon) on loopback with 20
 * connections for a bounded time per scenario; each page in five slices alternating with the bare
 * page, so a ratio compares the two on the same machine minute (`paired`). Per scenario it also measures one request's body
 * size and the SQL statements it sends (a counting relay in front of PostgreSQL,
 * bench-statement-counter.ts). Apply: every acknowledged application is looked up by its own
 * mobile number (acknowledged / verified / lost). Scale-out: the inbox and apply again on two
 * instances sharing the database. Prints a table, writes bench-results.json ({ rows, apply,
 * twoInstances }). Options: --seconds N (default 10), --applications N (default 100000), --no-build;
 * BENCH_NODE_ARGS passes Node options to the servers (a CPU profile), BENCH_BODY_DIR keeps one body per scenario.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrations";
import { connectSql } from "../lib/db/sql-connection";
import { seedDemo } from "../prisma/seed/seed";
import type { Database } from "../lib/db/client";
import { benchScenarios, CONNECTIONS, type NumberRange, type Row, type Scenario } from "./bench-scenarios";
import { startStatementCounter, type StatementCounter } from "./bench-statement-counter";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, applications: { type: "string", default: "100000" }, "no-build": { type: "boolean" } } });
const SECONDS = Math.min(120, Math.max(1, Number(values.seconds)));
const APPLICATIONS = Math.min(1_000_000, Math.max(1000, Number(values.applications)));
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}`;
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `buurt_bench_${Date.now().toString(36)}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(base: string, deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not become healthy within 60 s");
}

/** Answers of one load run: the numbers autocannon reports, and the mobile numbers acknowledged. */
interface LoadResult {
  result: autocannon.Result;
  acknowledged: string[];
}

/**
 * Loads `scenario` on `bases` (one or two instances; autocannon spreads the connections) for
 * `seconds`. A POST takes each body from the scenario in the given number range; an answer is an
 * acknowledgement only if it is the redirect to the thank-you page, and its number is kept.
 */
function load(scenario: Scenario, bases: string[], seconds: number, range: NumberRange): Promise<LoadResult> {
  const acknowledged: string[] = [];
  const next = scenario.next;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        // autocannon takes several URLs and spreads the connections over them (its types say one).
        url: bases.map((base) => `${base}${scenario.path}`) as unknown as string,
        method: scenario.method ?? "GET",
        headers: scenario.headers,
        connections: CONNECTIONS,
        duration: seconds,
        ...(next
          ? {
              requests: [
                {
                  setupRequest: ((request: { host?: string; headers?: Record<string, string> }, context: { mobile?: string }) => {
                    const { body, headers, mobile } = next(range);
                    context.mobile = mobile;
                    // The instance this connection talks to is the form's origin.
                    return { ...request, body, headers: { ...request.headers, ...headers, ...(request.host ? { origin: `http://${request.host}` } : {}) } };
                  }) as never,
                  onResponse: ((status: number, _body: string, context: { mobile?: string }, headers?: Record<string, string>) => {
                    // Raw header names keep the server's casing.
                    const location = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === "location")?.[1];
                    if (status === 303 && String(location).includes("/apply/thanks") && context.mobile) acknowledged.push(context.mobile);
                  }) as never,
                },
              ],
            }
          : {}),
      },
      (error, result) => (error ? reject(error) : resolve({ result, acknowledged })),
    );
  });
}

/** Answers that are neither 2xx nor 3xx, plus errors and timeouts. */
const notOk = (r: autocannon.Result) => r.non2xx - r["3xx"] + r.errors + r.timeouts;

/**
 * One request of `scenario` on its own: its body size and the statements it sent (median of 9).
 * BENCH_BODY_DIR=<folder> keeps the last body of each scenario there (which bytes a page sends).
 */
async function oneByOne(scenario: Scenario, counter: StatementCounter): Promise<{ htmlBytes: number; statements: number }> {
  const counts: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < 9; i++) {
    const post = scenario.next?.("statements");
    const before = counter.count();
    counter.trace(i === 8 ? scenario.name : undefined);
    const response = await fetch(`${BASE}${scenario.path}`, {
      method: scenario.method ?? "GET",
      headers: { ...scenario.headers, ...post?.headers },
      body: post?.body,
      redirect: "manual",
    });
    const body = Buffer.from(await response.arrayBuffer());
    htmlBytes = body.byteLength;
    if (i === 8 && process.env.BENCH_BODY_DIR) fs.writeFileSync(path.join(process.env.BENCH_BODY_DIR, `${scenario.name}.html`), body);
    // The statements of a request are sent before its answer ends; a background job's are rare
    // enough that the median leaves them out.
    counts.push(counter.count() - before);
  }
  counter.trace(undefined);
  counts.sort((a, b) => a - b);
  return { htmlBytes, statements: counts[4]! };
}

/** How many of `mobiles` are stored: an acknowledged application must be found by its own number. */
async function verify(db: Database, mobiles: string[]): Promise<{ acknowledged: number; verified: number; lost: number }> {
  const [{ n }] = await db.query<{ n: bigint }>(`SELECT count(DISTINCT mobile) AS n FROM "Application" WHERE mobile = ANY($1)`, [mobiles]);
  const verified = Number(n);
  return { acknowledged: mobiles.length, verified, lost: mobiles.length - verified };
}

/** A scenario's load over one or more runs: throughput, latency and answers, summed. */
interface Sliced {
  rps: number;
  /** The median of the slices' medians, and the highest 99th percentile of any slice (ms). */
  p50: number;
  p99: number;
  notOk: number;
  acknowledged: string[];
}

function summed(results: LoadResult[]): Sliced {
  const requests = results.reduce((n, { result }) => n + result.requests.total, 0);
  const seconds = results.reduce((n, { result }) => n + result.duration, 0);
  const p50s = results.map(({ result }) => result.latency.p50).sort((a, b) => a - b);
  return {
    rps: Math.round(requests / seconds),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...results.map(({ result }) => result.latency.p99)),
    notOk: results.reduce((n, { result }) => n + notOk(result), 0),
    acknowledged: results.flatMap((r) => r.acknowledged),
  };
}

/** Slices per page in `paired`: each 1/SLICES of --seconds, alternating with as many of the bare page. */
const SLICES = 5;

/**
 * A page and the bare page in alternating slices, `SECONDS` of each, so that both meet the same
 * machine: on a shared machine the speed drifts by a third within minutes, and a ratio between
 * two runs minutes apart measured that drift as much as the page (the same build's ratios moved
 * from 0.27 to 0.43 between two runs).
 */
async function paired(scenario: Scenario, bare: Scenario, base: string): Promise<{ page: Sliced; bare: Sliced }> {
  const pages: LoadResult[] = [];
  const bares: LoadResult[] = [];
  for (let i = 0; i < SLICES; i++) {
    bares.push(await load(bare, [base], SECONDS / SLICES, "measure"));
    pages.push(await load(scenario, [base], SECONDS / SLICES, "measure"));
  }
  return { page: summed(pages), bare: summed(bares) };
}

const servers: ChildProcess[] = [];
let counter: StatementCounter | undefined;
const cleanup = async () => {
  // The servers first (they may still be answering the last requests), then their database.
  await Promise.all(
    servers
      .filter((server) => server.exitCode === null)
      .map((server) => {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }),
  );
  await counter?.close();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

/** Starts the production server on `port`, its database connections through the statement counter. */
async function startServer(port: number, databaseUrl: string, secret: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  servers.push(
    // BENCH_NODE_ARGS: extra Node options for the servers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them.
    spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ".next/standalone/server.js"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        APP_URL: `http://localhost:${PORT}`,
        AUTH_SECRET: secret,
        SMTP_URL: "",
        // The load generator stands for many residents behind a proxy on this machine.
        TRUSTED_PROXIES: "127.0.0.1",
        FORM_MIN_SECONDS: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  await waitForHealth(base);
  return base;
}

const round = (n: number) => Math.round(n * 100) / 100;

try {
  console.log(`Database ${dbName}: migrating and seeding ${APPLICATIONS} applications…`);
  await admin(`CREATE DATABASE "${dbName}"`);
  const target = { kind: "postgres" as const, url: dbUrl, host: "127.0.0.1", database: dbName };
  const conn = await connectSql(target);
  await migrate(conn);
  await conn.close();
  const db = await createDatabase(target);
  const seedStart = performance.now();
  await seedDemo(db.prisma, { applications: APPLICATIONS });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // As autovacuum leaves a table in use: statistics and a visibility map for index-only scans.
  await db.query("VACUUM ANALYZE");
  const cookie = async (email: string) => {
    const token = crypto.randomUUID();
    await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") SELECT $1, id, now() + interval '1 day', now() FROM "User" WHERE email = $2`, [token, email]);
    return `authjs.session-token=${token}`;
  };
  const coordinatorCookie = await cookie("coordinator@example.org");
  const contactCookie = await cookie("contact-1@example.org");

  if (!values["no-build"]) {
    console.log("Building…");
    if (spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit" }).status !== 0) throw new Error("build failed");
  }
  const secret = crypto.randomBytes(32).toString("base64");
  const pgUrl = new URL(dbUrl);
  counter = await startStatementCounter({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
  const countedUrl = Object.assign(new URL(dbUrl), { hostname: "127.0.0.1", port: String(counter.port) }).toString();
  const first = await startServer(PORT, countedUrl, secret);
  const scenarios = await benchScenarios({ base: first, db, coordinatorCookie, contactCookie, secret });

  const bareScenario = scenarios.find((s) => s.name === "bare")!;
  const measured: (Omit<Row, "ratio"> & { acknowledged?: string[] })[] = [];
  for (const scenario of scenarios) {
    await load(scenario, [first], 2, "warmup"); // compile paths, fill caches and the connection pool
    // The references alone; every page in slices alternating with the bare page (see `paired`).
    const { page, bare } = scenario === bareScenario || scenario.name === "constant" ? { page: summed([await load(scenario, [first], SECONDS, "measure")]), bare: undefined } : await paired(scenario, bareScenario, first);
    const single = await oneByOne(scenario, counter);
    measured.push({ name: scenario.name, rps: page.rps, p50: page.p50, p99: page.p99, ...(bare ? { bareRps: bare.rps } : {}), notOk: page.notOk, ...single, ...(scenario.next ? { acknowledged: page.acknowledged } : {}) });
    console.log(`  ${scenario.label}: ${page.rps} req/s${bare ? ` (bare page alongside: ${bare.rps} req/s, ${round(page.rps / bare.rps)}×)` : ""}, p99 ${page.p99} ms, ${single.htmlBytes} bytes, ${single.statements} statements`);
  }
  const bareRow = measured.find((r) => r.name === "bare")!;
  // A page against the bare page alongside it; the references against the bare page's own run.
  const rows: Row[] = measured.map(({ acknowledged: _, ...r }) => ({ ...r, ratio: round(r.rps / (r.bareRps ?? bareRow.rps)) }));
  const applyRow = measured.find((r) => r.name === "apply")!;
  const apply = await verify(db, applyRow.acknowledged!);

  // Scale-out: the inbox and apply on two instances sharing one PostgreSQL (sessions, rate
  // limits and the outbox live there), the load generator alternating between them.
  const missed: string[] = [];
  console.log("Two instances…");
  const second = await startServer(PORT + 1, countedUrl, secret);
  const twoInstances: Record<string, number> = {};
  let twoApply = { acknowledged: 0, verified: 0, lost: 0 };
  for (const name of ["inbox", "apply"] as const) {
    const scenario = scenarios.find((s) => s.name === name)!;
    await load(scenario, [first, second], 2, "warmup");
    const { result, acknowledged } = await load(scenario, [first, second], SECONDS, "twoInstances");
    const rps = result.requests.total / result.duration;
    twoInstances[name] = round(rps / rows.find((r) => r.name === name)!.rps);
    if (name === "apply") twoApply = await verify(db, acknowledged);
    console.log(`  ${scenario.label}: ${Math.round(rps)} req/s on two instances (${twoInstances[name]}× one), ${notOk(result)} not ok`);
    if (notOk(result) > 0) missed.push(`two instances, ${name}: ${notOk(result)} answers not 2xx/3xx`);
  }

  console.log(`\nBenchmark ${new Date().toISOString().slice(0, 10)}: ${APPLICATIONS} applications (seeded in ${seedSeconds.toFixed(1)} s), ${CONNECTIONS} connections, ${SECONDS} s per scenario, Node ${process.version}\n`);
  console.log("scenario     req/s  bare alongside  ×bare   p50 ms   p99 ms   bytes  statements  not ok  targets");
  for (const row of rows) {
    const checks = scenarios.find((s) => s.name === row.name)!.targets?.(row) ?? [];
    for (const [label, ok] of checks) if (!ok) missed.push(`${row.name}: ${label}`);
    console.log(
      `${row.name.padEnd(10)} ${String(row.rps).padStart(7)} ${String(row.bareRps ?? "-").padStart(15)} ${row.ratio.toFixed(2).padStart(6)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)} ${String(row.htmlBytes).padStart(7)} ${String(row.statements).padStart(11)} ${String(row.notOk).padStart(7)}  ${checks.length === 0 ? "-" : checks.every(([, ok]) => ok) ? "met" : "MISSED"}`,
    );
  }
  console.log(`\napply: ${apply.acknowledged} acknowledged / ${apply.verified} verified / ${apply.lost} lost; two instances: ${twoApply.acknowledged} / ${twoApply.verified} / ${twoApply.lost}`);
  console.log(`two instances: inbox ${twoInstances.inbox}×, apply ${twoInstances.apply}× one instance`);
  if (apply.lost > 0 || twoApply.lost > 0) missed.push("apply: an acknowledged application was lost");
  console.log(missed.length ? `\nTargets missed:\n  ${missed.join("\n  ")}` : "\nEvery target met.");
  fs.writeFileSync(
    "bench-results.json",
    `${JSON.stringify({ at: new Date().toISOString(), applications: APPLICATIONS, seconds: SECONDS, connections: CONNECTIONS, seedSeconds, rows, apply, twoInstances: { ...twoInstances, apply: twoInstances.apply, applyVerified: twoApply } }, null, 2)}\n`,
  );
  console.log("\nWritten to bench-results.json");
  await db.close();
} finally {
  await cleanup();
}
