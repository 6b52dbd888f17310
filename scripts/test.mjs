#!/usr/bin/env node
// npm test: everything CI checks, on a fresh machine. Installs what is missing (npm packages,
// Debian's chromium), starts PostgreSQL if it is down, then runs type check, lint, unit tests,
// integration tests on the embedded database and on PostgreSQL, the production build and the
// end-to-end tests in Chromium. Ends with one line: "N passed, N failed, N skipped", counting
// tests only: skipped and pending tests, and the tests of a whole suite that could not run (with
// the reason), are skipped. The steps around them (install, generate, type check, lint, build)
// are listed apart, above it; any failed step or test makes the exit code 1.
// Plain Node on purpose: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CI = process.env.CI === "true" || process.env.CI === "1";
const OUT = ".test-output";
/** Test suites: { suite, passed, failed, skipped, notes[] }. */
const results = [];
/** Steps that are not tests (install, generate, type check, lint, build): { step, ok, note }. */
const steps = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function record(suite, passed, failed, skipped = 0, notes = []) {
  results.push({ suite, passed, failed, skipped, notes });
}

/** Records a step that is not a test; returns whether it succeeded. */
function check(step, ok, note = "") {
  steps.push({ step, ok, note });
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
  if (CI) check("PostgreSQL available", false, message);
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
if (vitest) {
  const tests = vitest.testResults.flatMap((file) => file.assertionResults.map((t) => ({ ...t, file: file.name })));
  const notRun = tests.filter((t) => t.status === "pending" || t.status === "skipped" || t.status === "todo");
  // A file that failed to load has no tests to count: it fails as a whole.
  const brokenFiles = vitest.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
  const failed = vitest.numFailedTests + brokenFiles;
  record(
    `vitest (${projects.join(", ")})`,
    vitest.numPassedTests,
    failed + (vitestOk || failed ? 0 : 1),
    notRun.length,
    [
      ...tests.filter((t) => t.status === "failed").map((t) => `failed: ${t.fullName}`),
      ...vitest.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).map((file) => `failed to load: ${file.name}`),
      ...(vitestOk || failed ? [] : ["failed: vitest ended with an error outside any test (an unhandled error; its output is above)"]),
      ...notRun.map((t) => `skipped: ${t.fullName}`),
    ],
  );
  if (!postgres) {
    // The same files run on both databases: what ran on the embedded one did not run on PostgreSQL.
    const dropped = tests.filter((t) => t.file.includes("/tests/integration/")).length;
    record("vitest (integration:postgres)", 0, 0, dropped, ["not run: PostgreSQL is not reachable"]);
  }
} else record("vitest", 0, 1, 0, ["no report"]);

// 6. Production build and end-to-end tests in Chromium.
const e2eDatabases = postgres ? "postgres,embedded" : "embedded";
const e2eEnv = { E2E_DATABASES: e2eDatabases, CHROMIUM_PATH: chromium };
/** How many end-to-end tests a run on these databases holds (Playwright lists them without starting a server). */
function countE2e(databases) {
  const listed = spawnSync("npx", ["playwright", "test", "--list", "--reporter=json"], {
    env: { ...process.env, ...e2eEnv, E2E_DATABASES: databases },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return JSON.parse(listed.stdout).stats.skipped;
  } catch {
    return 0;
  }
}
if (check("production build", run("npm", ["run", "-s", "build"]))) {
  const playwrightJson = `${OUT}/playwright.json`;
  fs.rmSync(playwrightJson, { force: true });
  const e2eOk = run("npx", ["playwright", "test"], { ...e2eEnv, PLAYWRIGHT_JSON: playwrightJson });
  const report = readJson(playwrightJson);
  if (report?.stats) {
    const failed = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
    const skipped = [];
    const walk = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests)
          if (t.status === "skipped") {
            const why = t.annotations.find((a) => a.type === "skip")?.description;
            skipped.push(`skipped: [${t.projectName}] ${spec.file} › ${spec.title}${why ? ` (${why})` : ""}`);
          }
      for (const child of suite.suites ?? []) walk(child);
    };
    report.suites.forEach(walk);
    record("end to end (Playwright, Chromium)", report.stats.expected, failed || (e2eOk ? 0 : 1), report.stats.skipped, skipped);
  } else record("end to end (Playwright, Chromium)", 0, 1, 0, ["no report"]);
} else record("end to end (Playwright, Chromium)", 0, 0, countE2e(e2eDatabases), ["not run: the production build failed"]);
if (!postgres) record("end to end on PostgreSQL", 0, 0, countE2e("postgres"), ["not run: PostgreSQL is not reachable"]);

// 7. The container image: build the Dockerfile with podman, start it, check it (exit 3 = skipped).
const container = spawnSync("npx", ["tsx", "scripts/test-container.ts"], { stdio: "inherit" }).status;
const containerSkipped = container === 3 ? ["skipped: the container check (no podman here and no way to install it; see above)"] : [];
record("container image (podman)", container === 0 ? 1 : 0, container === 0 || container === 3 ? 0 : 1, containerSkipped.length, containerSkipped);

finish();

function finish() {
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const [passed, failed, skipped] = [sum("passed"), sum("failed"), sum("skipped")];
  const failedSteps = steps.filter((s) => !s.ok);
  console.log("\nSteps (not tests)");
  for (const s of steps) console.log(`  ${s.ok ? "✓" : "✗"} ${s.step}${s.note ? ` (${s.note})` : ""}`);
  console.log("\nTests");
  for (const r of results) {
    console.log(`  ${r.failed ? "✗" : "✓"} ${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    for (const note of r.notes) console.log(`      ${note}`);
  }
  if (failedSteps.length) console.log(`\n${failedSteps.length} step(s) failed: ${failedSteps.map((s) => s.step).join(", ")}`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
}
