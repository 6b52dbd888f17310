// Reliability: PostgreSQL goes away in the middle of a burst of applications. Every application
// acknowledged to the resident must be in the database afterwards; every other one must have
// been answered with a clear "try again", never a 500.
//
// This test runs its own throwaway PostgreSQL cluster (initdb + pg_ctl into a temporary folder,
// on a port of its own) and its own app server against it, and removes both at the end, even
// when it fails. The shared PostgreSQL on :5432 is never touched. Loopback only, bounded in
// count and time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ThrowawayCluster } from "../helpers/throwaway-cluster";
import { SERVERS } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { FORM_TOKEN_FIELD, issueFormToken } from "../../lib/public-forms/form-guard";
import { hiddenFields, letTokenMature, postForm, type RawResponse } from "./support/raw-forms";
import { expectEveryAcknowledgedStored } from "./support/acknowledged";

const PG_BIN = process.env.PG_BIN ?? ThrowawayCluster.bindir() ?? "(pg_config --bindir: not found)";
const PG_PORT = SERVERS.postgres.port + 40;
const APP_PORT = SERVERS.postgres.port + 41;
const APPLICATIONS = 160;
const CONCURRENCY = 4;
const DOWN_MS = 3_000;

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL tool as the postgres OS user when we are root (initdb refuses root). */
function pgTool(tool: string, args: string[]): void {
  const command = asRoot ? "runuser" : path.join(PG_BIN, tool);
  const full = asRoot ? ["-u", "postgres", "--", path.join(PG_BIN, tool), ...args] : args;
  const result = spawnSync(command, full, { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout || result.error}`);
}

// Under CI the tools must be there: a missing binary fails the run instead of skipping it.
test.skip(!fs.existsSync(path.join(PG_BIN, "initdb")) && process.env.CI !== "true", `no PostgreSQL tools in ${PG_BIN}`);

test("a PostgreSQL restart during a burst of applications loses no acknowledged application", async () => {
  test.setTimeout(300_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-reliability-"));
  const dataDir = path.join(root, "data");
  const log = path.join(root, "postgres.log");
  let app: ChildProcess | undefined;
  let clusterStarted = false;
  const pgCtl = (...args: string[]) => pgTool("pg_ctl", ["-D", dataDir, "-l", log, ...args]);
  const startCluster = () => pgCtl("-w", "-t", "60", "-o", `-p ${PG_PORT} -k ${root} -c listen_addresses=127.0.0.1`, "start");

  try {
    fs.chmodSync(root, 0o777);
    if (asRoot) spawnSync("chown", ["postgres", root]);
    pgTool("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
    startCluster();
    clusterStarted = true;
    const url = `postgresql://postgres@127.0.0.1:${PG_PORT}/buurt`;
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE buurt`);
    await admin.end();

    // Migrate and seed as the e2e server does, then serve the production build.
    const standalone = path.resolve(".next/standalone");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      PORT: String(APP_PORT),
      HOSTNAME: "127.0.0.1",
      APP_URL: `http://localhost:${APP_PORT}`,
      AUTH_SECRET: "reliability-only-secret-0123456789-abcdef",
      FORM_MIN_SECONDS: "1",
      SMTP_URL: "",
      // The burst stands for many residents behind a proxy on this machine.
      TRUSTED_PROXIES: "127.0.0.1",
    };
    expect(spawnSync(process.execPath, ["migrate.mjs"], { cwd: standalone, env, stdio: "ignore" }).status).toBe(0);
    expect(spawnSync("npx", ["tsx", "scripts/seed.ts", "--scale", "0"], { env, stdio: "ignore", timeout: 120_000 }).status).toBe(0);
    app = spawn(process.execPath, ["server.js"], { cwd: standalone, env, stdio: ["ignore", "ignore", "pipe"] });
    let serverErrors = "";
    app.stderr!.on("data", (chunk: Buffer) => (serverErrors += chunk.toString()));
    const base = `http://localhost:${APP_PORT}`;
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);

    const hidden = await hiddenFields(base, "/apply", "Aanmeldformulier", "2001:db8:1::1");
    await letTokenMature();

    const acknowledged: string[] = [];
    const tryAgain: string[] = [];
    const unexpected: string[] = [];
    let acknowledgedAfterRestart = 0;
    let phase: "before" | "down" | "after" = "before";
    let next = 0;

    const restart = (async () => {
      await expect.poll(() => acknowledged.length, { timeout: 120_000, intervals: [50] }).toBeGreaterThanOrEqual(25);
      // A crash, not a polite shutdown: no checkpoint, recovery from the write-ahead log.
      pgCtl("-m", "immediate", "stop");
      phase = "down";
      await new Promise((r) => setTimeout(r, DOWN_MS));
      startCluster();
      phase = "after";
    })();

    const worker = async () => {
      while (next < APPLICATIONS) {
        const n = next++;
        const mobile = `+3163${String(1_000_000 + n).slice(-7)}`;
        const data = new FormData();
        // A form token is accepted once: each post its own, signed with the server's secret.
        for (const [name, value] of hidden) data.append(name, name === FORM_TOKEN_FIELD ? issueFormToken("apply", Date.now() - 2000, env.AUTH_SECRET) : value);
        for (const [name, value] of Object.entries({ website: "", name: `Burst ${n}`, mobile, street: "Kerkstraat", houseNumber: String(1 + (n % 60)), postcode: "6951AB", email: "", acceptRules: "on" })) {
          data.append(name, value);
        }
        const seenIn = phase;
        let response: RawResponse;
        try {
          response = await postForm(base, "/apply", data, `2001:db8:2::${n.toString(16)}`);
        } catch (error) {
          unexpected.push(`#${n} (${seenIn}): ${(error as Error).message}`);
          continue;
        }
        if (response.status === 303 && response.location?.startsWith("/apply/thanks")) {
          acknowledged.push(mobile);
          if (seenIn === "after") acknowledgedAfterRestart++;
        } else if (response.status === 200 && response.text.includes("Probeer het over een minuut opnieuw")) {
          tryAgain.push(mobile);
        } else {
          unexpected.push(`#${n} (${seenIn}): HTTP ${response.status} ${response.text.slice(0, 200)}`);
        }
        // While the database is down, keep the burst going but not faster than a person would retry.
        if (phase === "down") await new Promise((r) => setTimeout(r, 100));
      }
    };
    await Promise.all([restart, ...Array.from({ length: CONCURRENCY }, worker)]);
    console.log(`reliability: ${acknowledged.length} acknowledged, ${tryAgain.length} told to try again, ${acknowledgedAfterRestart} acknowledged after the restart`);

    expect(unexpected, serverErrors.slice(-2000)).toEqual([]);
    expect(acknowledged.length + tryAgain.length).toBe(APPLICATIONS);
    expect(tryAgain.length).toBeGreaterThan(0);
    expect(acknowledgedAfterRestart).toBeGreaterThan(0);

    await expectEveryAcknowledgedStored(url, acknowledged);
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      if (app.exitCode === null) app.kill("SIGKILL");
    }
    if (clusterStarted) {
      try {
        pgCtl("-m", "immediate", "stop");
      } catch {
        // already stopped
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
});
