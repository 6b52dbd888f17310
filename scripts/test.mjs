#!/usr/bin/env node
// npm test: everything CI checks, on a fresh machine. Installs what is missing (npm packages,
// Debian's chromium), starts PostgreSQL if it is down, then runs type check, lint, unit tests,
// integration tests on the embedded database and on PostgreSQL, the production build and the
// end-to-end tests in Chromium. Ends with one line: "N passed, N failed".
// Plain Node on purpose: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CI = process.env.CI === "true" || process.env.CI === "1";
const OUT = ".test-output";
const results = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function record(suite, passed, failed, note = "") {
  results.push({ suite, passed, failed, note });
}

function check(suite, ok) {
  record(suite, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// 1. npm packages and the generated Prisma client.
if (!fs.existsSync("node_modules/.package-lock.json")) {
  if (!check("install npm packages", run("npm", ["ci", "--no-audit", "--no-fund"]))) finish();
}
if (!check("generate Prisma client", run("npm", ["run", "-s", "generate"]))) finish();

// 2. Chromium from Debian (Playwright's own browser download cannot work here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const installed =
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], env) ||
    (run("apt-get", ["update"], env) && run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], env));
  check("install chromium", installed && fs.existsSync(chromium));
}

// 3. PostgreSQL for the integration and end-to-end suites.
const pgUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
async function postgresUp() {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
let postgres = await postgresUp();
if (!postgres && fs.existsSync("/etc/postgresql") && !process.env.TEST_DATABASE_URL) {
  const version = fs.readdirSync("/etc/postgresql")[0];
  if (version) run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"]);
  for (let i = 0; i < 10 && !(postgres = await postgresUp()); i++) await new Promise((r) => setTimeout(r, 1000));
}
if (!postgres) {
  const message = `PostgreSQL is not reachable at ${pgUrl.replace(/:[^:@/]*@/, ":***@")}`;
  if (CI) record("PostgreSQL available", 0, 1, message);
  else console.warn(`\nWARNING: ${message}; skipping the PostgreSQL suites (under CI=true this fails).`);
}

// 4. Static checks.
check("type check", run("npx", ["tsc", "--noEmit"]));
check("lint", run("npx", ["eslint", "."]));

// 5. Unit and integration tests (vitest, JSON report for the totals).
fs.mkdirSync(OUT, { recursive: true });
const projects = ["unit", "integration:embedded", ...(postgres ? ["integration:postgres"] : [])];
const vitestJson = `${OUT}/vitest.json`;
fs.rmSync(vitestJson, { force: true });
const vitestOk = run("npx", [
  "vitest", "run", ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) record(`vitest (${projects.join(", ")})`, vitest.numPassedTests, vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1));
else record("vitest", 0, 1, "no report");

// 6. Production build and end-to-end tests in Chromium.
if (check("production build", run("npm", ["run", "-s", "build"]))) {
  const playwrightJson = `${OUT}/playwright.json`;
  fs.rmSync(playwrightJson, { force: true });
  const e2eOk = run("npx", ["playwright", "test"], {
    PLAYWRIGHT_JSON: playwrightJson,
    E2E_DATABASES: postgres ? "postgres,embedded" : "embedded",
    CHROMIUM_PATH: chromium,
  });
  const report = readJson(playwrightJson);
  if (report?.stats) {
    const failed = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
    record("end to end (Playwright, Chromium)", report.stats.expected, failed || (e2eOk ? 0 : 1));
  } else record("end to end (Playwright, Chromium)", 0, 1, "no report");
}

// 7. The container image: build the Dockerfile with podman, start it, check it (exit 3 = skipped).
const container = spawnSync("npx", ["tsx", "scripts/test-container.ts"], { stdio: "inherit" }).status;
record("container image (podman)", container === 0 ? 1 : 0, container === 0 || container === 3 ? 0 : 1, container === 3 ? "skipped, see above" : "");

finish();

function finish() {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log("\nSummary");
  for (const r of results) console.log(`  ${r.failed ? "✗" : "✓"} ${r.suite}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
