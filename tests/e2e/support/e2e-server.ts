/**
 * Playwright's web server: a fresh database with the demo seed, a real SMTP server that keeps
 * what it receives (readable over HTTP for the tests), and the production build of the app.
 * Usage: tsx tests/e2e/support/e2e-server.ts postgres|embedded
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "../../../lib/db/client";
import { databaseTarget } from "../../../lib/db/config";
import { seedDemo } from "../../../prisma/seed/seed";
import { startMailCatcher } from "../../helpers/mail-catcher";
import { AUTH_SECRET, baseUrl, e2eDatabaseUrl, SERVERS, type ServerKind } from "./e2e-env";

const kind = process.argv[2] as ServerKind;
const APP_ROLE = "buurt_app";
const APP_ROLE_PASSWORD = "e2e-only-app-role";
if (!(kind in SERVERS)) throw new Error("usage: e2e-server.ts postgres|embedded");
const { port, smtpPort, mailApiPort } = SERVERS[kind];

const root = process.cwd();
const serverJs = path.join(root, ".next/standalone/server.js");
if (!fs.existsSync(serverJs)) throw new Error("No production build: run npm run build first.");

// The database.
let dropDatabase = async () => {};
const env: NodeJS.ProcessEnv = { ...process.env };
if (kind === "postgres") {
  const url = e2eDatabaseUrl();
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  // As production should run (docs/decisions/011-database-login-role.md): migrations as the
  // owner, the app as buurt_app, a role that owns nothing and cannot bypass row-level security.
  env.MIGRATION_DATABASE_URL = url;
  const appUrl = new URL(url);
  appUrl.username = APP_ROLE;
  appUrl.password = APP_ROLE_PASSWORD;
  env.DATABASE_URL = appUrl.toString();
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-e2e-"));
  env.DATA_DIR = dataDir;
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  dropDatabase = async () => fs.rmSync(dataDir, { recursive: true, force: true });
}
// Migrate with the same bundled command the Docker image runs before it serves.
const migrated = spawnSync(process.execPath, ["migrate.mjs"], { cwd: path.dirname(serverJs), env, stdio: "inherit" });
if (migrated.status !== 0) throw new Error("node migrate.mjs failed");
if (kind === "postgres") {
  // The migration creates buurt_app without a login; an operator gives it one (README, Deployment).
  const admin = new pg.Client({ connectionString: env.MIGRATION_DATABASE_URL });
  await admin.connect();
  await admin.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE_PASSWORD}'`);
  await admin.end();
}
const db = await createDatabase(databaseTarget(env));
await seedDemo(db.prisma);
await db.close();

// The mail catcher, readable at GET /messages and emptied with DELETE /messages.
const catcher = await startMailCatcher(smtpPort);
const api = http.createServer((req, res) => {
  if (req.method === "DELETE") catcher.messages.length = 0;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(catcher.messages));
});
await new Promise<void>((resolve) => api.listen(mailApiPort, "127.0.0.1", resolve));

// The app, as production runs it.
const app = spawn(process.execPath, [serverJs], {
  env: {
    ...env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    APP_URL: baseUrl(kind),
    AUTH_SECRET,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    // Public forms: one second instead of three, so the tests do not wait (the guard itself
    // is tested in tests/unit/form-guard.test.ts; a form sent sooner is handed back).
    FORM_MIN_SECONDS: "1",
    // The browser contexts stand for residents behind a proxy on 127.0.0.1 (each context its
    // own X-Forwarded-For); a test that connects from another loopback address (127.0.0.2…)
    // is a client reaching the app directly, whose X-Forwarded-For is ignored.
    TRUSTED_PROXIES: "127.0.0.1",
  },
  stdio: "inherit",
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await catcher.stop();
  api.close();
  await dropDatabase().catch(() => {});
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
