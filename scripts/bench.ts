/**
 * npm run bench — how fast the pages that matter are at 100,000 applications, against a
 * baseline measured on the same server in the same run: a fresh PostgreSQL database
 * ($TEST_DATABASE_URL's server, else 127.0.0.1:5432), the production build, and a load
 * generator (autocannon) on loopback with 20 connections for a bounded time per scenario.
 * Prints a table, writes bench-results.json. Options: --seconds N (default 10),
 * --applications N (default 100000), --no-build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrations";
import { connectSql } from "../lib/db/sql-connection";
import { seedDemo } from "../prisma/seed/seed";
import { benchScenarios, CONNECTIONS, type Scenario } from "./bench-scenarios";

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

async function waitForHealth(deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not become healthy within 60 s");
}

function load(scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${BASE}${scenario.path}`,
        method: scenario.method ?? "GET",
        headers: scenario.headers,
        connections: CONNECTIONS,
        duration: seconds,
        ...(scenario.setupRequest ? { requests: [{ setupRequest: scenario.setupRequest as never }] } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

let server: ChildProcess | undefined;
const cleanup = async () => {
  // The server first (it may still be answering the last requests), then its database.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

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
  server = spawn(process.execPath, [".next/standalone/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: dbUrl,
      APP_URL: `http://localhost:${PORT}`,
      AUTH_SECRET: secret,
      SMTP_URL: "",
      // The load generator stands for many residents behind a proxy on this machine.
      TRUSTED_PROXIES: "127.0.0.1",
      FORM_MIN_SECONDS: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth();
  const scenarios = await benchScenarios({ base: BASE, db, coordinatorCookie, contactCookie, secret });

  const results = [];
  for (const scenario of scenarios) {
    await load(scenario, 2); // warm-up: compile paths, fill caches and the connection pool
    const before = scenario.countRows ? await scenario.countRows() : 0;
    const r = await load(scenario, SECONDS);
    const after = scenario.countRows ? await scenario.countRows() : 0;
    const byStatus = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
    const acknowledged = scenario.acknowledgedStatus ? (byStatus[String(scenario.acknowledgedStatus)]?.count ?? 0) : r["2xx"];
    results.push({
      name: scenario.name,
      path: scenario.path,
      requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      acknowledged,
      notOk: Object.values(byStatus).reduce((n, stats) => n + stats.count, 0) - acknowledged + r.errors + r.timeouts,
      statusCodes: Object.fromEntries(Object.entries(byStatus).map(([code, stats]) => [code, stats.count])),
      ...(scenario.countRows ? { rowsStored: after - before } : {}),
    });
    console.log(`  ${scenario.name}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms`);
  }

  const baseline = results[0]!;
  const report = results.map((r, i) => {
    const scenario = scenarios[i]!;
    const ratio = Math.round((r.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100;
    const checks = scenario.targets ? scenario.targets(r, ratio) : [];
    return { ...r, ratioToBaseline: ratio, targetsMet: scenario.targets ? checks.every(Boolean) : null };
  });
  console.log(`\nBenchmark: ${APPLICATIONS} applications (seeded in ${seedSeconds.toFixed(1)} s), ${CONNECTIONS} connections, ${SECONDS} s per scenario, Node ${process.version}\n`);
  console.log("scenario              req/s   ×base    p50 ms   p99 ms    not ok  targets");
  for (const r of report) {
    console.log(
      `${r.name.padEnd(20)} ${String(r.requestsPerSecond).padStart(6)}  ${r.ratioToBaseline.toFixed(2).padStart(6)}  ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${String(r.notOk).padStart(8)}  ${r.targetsMet === null ? "-" : r.targetsMet ? "met" : "MISSED"}${"rowsStored" in r ? `  (acknowledged ${r.acknowledged}, rows stored ${r.rowsStored})` : ""}`,
    );
  }
  fs.writeFileSync("bench-results.json", `${JSON.stringify({ at: new Date().toISOString(), applications: APPLICATIONS, seconds: SECONDS, seedSeconds, results: report }, null, 2)}\n`);
  console.log("\nWritten to bench-results.json");
  await db.close();
} finally {
  await cleanup();
}
