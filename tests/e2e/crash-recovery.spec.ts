// Issue 18: PostgreSQL crashes (pg_ctl stop -m immediate) under mixed load on two app instances
// and starts again 3 s later, replaying its log while the load goes on. No request may answer
// 500: every path that talks to the database answers "try again" (503 with Retry-After, or the
// public form's "try again" notice) until it is back. Every application acknowledged to a
// resident must be stored afterwards.
//
// Its own throwaway cluster (tests/helpers/throwaway-cluster.ts, pg_config --bindir) and its own
// two servers; the shared PostgreSQL on :5432 is never touched. Loopback only, bounded in count.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ThrowawayCluster } from "../helpers/throwaway-cluster";
import { SERVERS } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { FORM_TOKEN_FIELD, issueFormToken } from "../../lib/public-forms/form-guard";
import { hiddenFields, letTokenMature, postForm } from "./support/raw-forms";
import { expectEveryAcknowledgedStored } from "./support/acknowledged";

const PG_PORT = SERVERS.postgres.port + 42;
const APP_PORTS = [SERVERS.postgres.port + 43, SERVERS.postgres.port + 44];
const REQUESTS = 1_400;
const CONCURRENCY = 6;
const DOWN_MS = 3_000;
const KINDS = ["apply", "home", "staffPage", "health", "session", "export"] as const;
type Kind = (typeof KINDS)[number];

// Under CI the tools must be there: a missing binary fails the run instead of skipping it.
test.skip(ThrowawayCluster.bindir() === null && process.env.CI !== "true", "no PostgreSQL server tools (pg_config --bindir)");

test("a PostgreSQL crash with recovery under load on two instances: no 500, no acknowledged application lost", async () => {
  test.setTimeout(600_000);
  expect(ThrowawayCluster.bindir(), "PostgreSQL's server tools (pg_config --bindir)").not.toBeNull();
  const cluster = new ThrowawayCluster(PG_PORT);
  const apps: ChildProcess[] = [];
  try {
    cluster.init({ max_connections: 100 });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE buurt");
    await admin.end();
    const url = cluster.urlFor("buurt");
    const standalone = path.resolve(".next/standalone");
    const env = (port: number): NodeJS.ProcessEnv => ({
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "crash-recovery-only-secret-0123456789-abcdef",
      FORM_MIN_SECONDS: "1",
      SMTP_URL: "",
      // The test's clients reach the app over 127.0.0.1 and name themselves in X-Forwarded-For.
      TRUSTED_PROXIES: "127.0.0.1",
    });
    expect(spawnSync(process.execPath, ["migrate.mjs"], { cwd: standalone, env: env(APP_PORTS[0]!), stdio: "ignore" }).status).toBe(0);
    expect(spawnSync("npx", ["tsx", "scripts/seed.ts", "--scale", "0"], { env: env(APP_PORTS[0]!), stdio: "ignore", timeout: 120_000 }).status).toBe(0);

    // A coordinator's session, as Auth.js stores it after a magic link.
    const session = crypto.randomUUID();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const made = await db.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
       SELECT $1, id, now() + interval '1 hour', now() FROM "User" WHERE role = 'COORDINATOR' AND active ORDER BY id LIMIT 1`,
      [session],
    );
    await db.end();
    expect(made.rowCount).toBe(1);

    let serverLog = "";
    for (const port of APP_PORTS) {
      const app = spawn(process.execPath, ["server.js"], { cwd: standalone, env: env(port), stdio: ["ignore", "ignore", "pipe"] });
      app.stderr!.on("data", (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000)));
      apps.push(app);
    }
    const bases = APP_PORTS.map((port) => `http://127.0.0.1:${port}`);
    for (const base of bases) {
      await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    }
    const hidden = await hiddenFields(bases[0]!, "/apply", "Aanmeldformulier", "2001:db8:1::1");
    await letTokenMature();

    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    const counts = Object.fromEntries(KINDS.map((k) => [k, { ok: 0, tryAgain: 0 }])) as Record<Kind, { ok: number; tryAgain: number }>;
    const statuses: Record<string, number> = {};
    let phase: "before" | "down" | "recovering" | "after" = "before";
    let acknowledgedAfter = 0;
    let next = 0;

    const crash = (async () => {
      // Crash once the load runs: 40 applications acknowledged, or a fifth of the requests sent
      // (on a busy machine the first may take long).
      await expect.poll(() => acknowledged.length >= 40 || next >= REQUESTS / 5, { timeout: 300_000, intervals: [50] }).toBe(true);
      cluster.stop("immediate");
      phase = "down";
      await new Promise((r) => setTimeout(r, DOWN_MS));
      phase = "recovering";
      await cluster.startInBackground();
      phase = "after";
    })();

    const cookie = { cookie: `authjs.session-token=${session}` };
    const get = (base: string, route: string, headers: Record<string, string> = {}) =>
      fetch(new URL(route, base), { redirect: "manual", headers, signal: AbortSignal.timeout(30_000) });

    const one = async (n: number): Promise<void> => {
      const kind = KINDS[n % KINDS.length]!;
      const base = bases[Math.floor(n / KINDS.length) % bases.length]!;
      const seenIn = phase;
      let status: number;
      let text = "";
      let location: string | null = null;
      let retryAfter: string | null = null;
      if (kind === "apply") {
        const mobile = `+3164${String(1_000_000 + n).slice(-7)}`;
        const data = new FormData();
        // A form token is accepted once: each post its own, signed with the servers' secret.
        for (const [name, value] of hidden) data.append(name, name === FORM_TOKEN_FIELD ? issueFormToken("apply", Date.now() - 2000, env(0).AUTH_SECRET) : value);
        for (const [name, value] of Object.entries({ website: "", name: `Crash ${n}`, mobile, street: "Kerkstraat", houseNumber: String(1 + (n % 60)), postcode: "6951AB", email: "", acceptRules: "on" })) {
          data.append(name, value);
        }
        const response = await postForm(base, "/apply", data, `2001:db8:3::${n.toString(16)}`);
        ({ status, text, location } = response);
        if (status === 303 && location?.startsWith("/apply/thanks")) {
          acknowledged.push(mobile);
          if (seenIn === "after") acknowledgedAfter++;
        }
      } else {
        const route = { home: "/", staffPage: "/staff/applications", health: "/api/health", session: "/api/auth/session", export: "/api/staff/applications/export" }[kind];
        const response = await get(base, route, kind === "home" || kind === "health" ? {} : cookie);
        status = response.status;
        location = response.headers.get("location");
        retryAfter = response.headers.get("retry-after");
        text = await response.text();
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      const tryAgainPage = (status === 303 || status === 307) && location?.endsWith("/unavailable");
      const tryAgainForm = status === 200 && text.includes("Probeer het over een minuut opnieuw");
      const unavailable = status === 503 && retryAfter !== null;
      const fine = status === 200 || (kind === "apply" && status === 303 && location?.startsWith("/apply/thanks"));
      if (tryAgainPage || tryAgainForm || unavailable) counts[kind].tryAgain++;
      else if (fine) counts[kind].ok++;
      else unexpected.push(`#${n} ${kind} (${seenIn}): HTTP ${status} ${location ?? ""} ${text.slice(0, 160)}`);
    };

    const worker = async () => {
      while (next < REQUESTS) {
        const n = next++;
        await one(n).catch((error: Error) => unexpected.push(`#${n}: ${error.message}`));
        // While the database is away, not faster than people pressing "again".
        if (phase === "down") await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([crash, ...Array.from({ length: CONCURRENCY }, worker)]);
    await crash;
    const tryAgain = KINDS.reduce((sum, k) => sum + counts[k].tryAgain, 0);
    console.log(`crash-recovery: ${REQUESTS} requests, statuses ${JSON.stringify(statuses)}; ${acknowledged.length} applications acknowledged (${acknowledgedAfter} after the restart), ${tryAgain} "try again"; per kind ${JSON.stringify(counts)}`);

    // The "try again" page itself: 503, Retry-After, Dutch.
    const page = await get(bases[0]!, "/unavailable");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain("Probeer het over een minuut opnieuw");

    expect(unexpected, serverLog).toEqual([]);
    expect(statuses["500"] ?? 0).toBe(0);
    expect(tryAgain).toBeGreaterThan(0);
    expect(acknowledgedAfter).toBeGreaterThan(0);

    await expectEveryAcknowledgedStored(url, acknowledged);
  } finally {
    for (const app of apps) if (app.exitCode === null) app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    for (const app of apps) if (app.exitCode === null) app.kill("SIGKILL");
    cluster.remove();
  }
});
