/**
 * npx tsx scripts/test-container.ts — issue 19: builds the project's own Dockerfile with podman
 * (as `docker build` would, plus the machine's CA bundle as the optional `extra_ca` build
 * secret), starts the image against a throwaway database on the local PostgreSQL and checks:
 * migrations applied at start; runs as non-root; /api/health 200; a resident can apply without
 * JavaScript and the row is stored; the first coordinator is created inside the image; a restart keeps the data and applies no migration twice; a
 * bad DATABASE_URL stops it with one sentence, no stack trace; SIGTERM ends it within 10 s; the
 * CA secret is not in the final image.
 *
 * Installs podman, runc and debootstrap with apt-get when missing. Registries of images cannot
 * be reached here, so `node:20-bookworm-slim` is made locally once (debootstrap + this
 * machine's Node, see platform-notes "Containers") and kept in podman's store as the cache.
 *
 * Exit codes: 0 passed · 1 a check failed · 3 skipped (cannot build or run containers here;
 * under CI=true that is a failure, exit 1, instead).
 * Environment: CONTAINER_TEST_PORT (default 3290), TEST_DATABASE_URL (default the local
 * PostgreSQL as postgres), CONTAINER_CA_BUNDLE (default /etc/ssl/certs/ca-certificates.crt).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hiddenFields, letTokenMature, postForm } from "../tests/e2e/support/raw-forms";

const CI = process.env.CI === "true" || process.env.CI === "1";
const SKIPPED = 3;
const BASE_IMAGE = "node:20-bookworm-slim";
const IMAGE = "localhost/buurtpreventie:container-test";
const PORT = Number(process.env.CONTAINER_TEST_PORT ?? 3290);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CA_BUNDLE = process.env.CONTAINER_CA_BUNDLE ?? "/etc/ssl/certs/ca-certificates.crt";
const CACHE = path.join(os.homedir(), ".cache", "buurtpreventie-container");
const NAME = `buurt-container-test-${process.pid}`;
const DB_NAME = `buurt_container_${process.pid}`;

fs.mkdirSync(CACHE, { recursive: true });
// The default ulimits and cgroups are not permitted on these machines (platform notes).
const CONTAINERS_CONF = path.join(CACHE, "containers.conf");
fs.writeFileSync(CONTAINERS_CONF, "[containers]\ndefault_ulimits = []\n");
const ENV: NodeJS.ProcessEnv = { ...process.env, CONTAINERS_CONF };
const RUN_FLAGS = ["--cgroup-manager=cgroupfs", "--runtime=runc"];

const failures: string[] = [];
const timings: Record<string, number> = {};

function sh(command: string, args: string[], options: { input?: string; timeoutMs?: number; quiet?: boolean } = {}): SpawnSyncReturns<string> {
  if (!options.quiet) console.log(`$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { encoding: "utf8", env: ENV, input: options.input, timeout: options.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 });
}
const has = (tool: string) => sh("sh", ["-c", `command -v ${tool}`], { quiet: true }).status === 0;
const podman = (args: string[], options?: Parameters<typeof sh>[2]) => sh("podman", args, options);

/** Cannot test containers here: skip outside CI (exit 3), fail under CI. */
function cannot(reason: string): never {
  console.error(`\ncontainer test ${CI ? "FAILED" : "SKIPPED"}: ${reason}`);
  process.exit(CI ? 1 : SKIPPED);
}

function check(what: string, ok: boolean, detail = ""): void {
  console.log(`${ok ? "✓" : "✗"} ${what}${ok || !detail ? "" : `: ${detail}`}`);
  if (!ok) failures.push(what);
}

async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings[label] = Math.round((Date.now() - start) / 100) / 10;
  }
}

function installTools(): void {
  const missing = ["podman", "runc", "debootstrap"].filter((tool) => !has(tool) && !(tool === "runc" && fs.existsSync("/usr/sbin/runc")));
  if (missing.length === 0) return;
  if (!has("apt-get") || process.getuid?.() !== 0) cannot(`${missing.join(", ")} missing and cannot be installed here (needs apt-get as root)`);
  if (sh("apt-get", ["install", "-y", "--no-install-recommends", "podman", "runc", "debootstrap"], { timeoutMs: 900_000 }).status !== 0) {
    sh("apt-get", ["update"], { timeoutMs: 300_000 });
    if (sh("apt-get", ["install", "-y", "--no-install-recommends", "podman", "runc", "debootstrap"], { timeoutMs: 900_000 }).status !== 0) cannot("apt-get could not install podman, runc and debootstrap");
  }
}

/** The base image the Dockerfile names, made locally from Debian and this machine's Node. */
function ensureBaseImage(): void {
  if (podman(["image", "exists", BASE_IMAGE], { quiet: true }).status === 0) return;
  const nodeVersion = process.versions.node.split(".")[0];
  if (nodeVersion !== "20") cannot(`the base image ${BASE_IMAGE} would get Node ${process.versions.node} from this machine`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-rootfs-"));
  try {
    const boot = sh("debootstrap", ["--variant=minbase", "bookworm", root, "http://deb.debian.org/debian"], { timeoutMs: 900_000 });
    if (boot.status !== 0) cannot(`debootstrap failed: ${(boot.stderr || boot.stdout).slice(-500)}`);
    const nodeBin = fs.realpathSync(process.execPath);
    const npmDir = ["/usr/lib/node_modules/npm", "/usr/local/lib/node_modules/npm", path.join(path.dirname(nodeBin), "../lib/node_modules/npm")].find((d) => fs.existsSync(path.join(d, "bin/npm-cli.js")));
    if (!npmDir) cannot("npm of this machine not found");
    fs.mkdirSync(path.join(root, "usr/local/bin"), { recursive: true });
    fs.mkdirSync(path.join(root, "usr/local/lib/node_modules"), { recursive: true });
    fs.copyFileSync(nodeBin, path.join(root, "usr/local/bin/node"));
    fs.chmodSync(path.join(root, "usr/local/bin/node"), 0o755);
    fs.cpSync(npmDir, path.join(root, "usr/local/lib/node_modules/npm"), { recursive: true, dereference: true });
    fs.symlinkSync("../lib/node_modules/npm/bin/npm-cli.js", path.join(root, "usr/local/bin/npm"));
    fs.symlinkSync("../lib/node_modules/npm/bin/npx-cli.js", path.join(root, "usr/local/bin/npx"));
    // Like the official image: no extra CA in it; a build behind an inspecting proxy passes one
    // as the extra_ca build secret (Dockerfile).
    const imported = sh("sh", ["-c", `tar -C '${root}' -c . | podman import --change 'CMD ["node"]' - ${BASE_IMAGE}`], { timeoutMs: 600_000 });
    if (imported.status !== 0) cannot(`podman import failed: ${imported.stderr.slice(-500)}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(base: string, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  let status: number | undefined;
  while (Date.now() < deadline) {
    status = (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3_000) }).catch(() => null))?.status;
    if (status === 200) return status;
    await sleep(500);
  }
  return status;
}

function runArgs(databaseUrl: string, extra: string[] = []): string[] {
  return [
    ...RUN_FLAGS, "run", "--network=host", ...extra,
    "-e", `DATABASE_URL=${databaseUrl}`, "-e", `PORT=${PORT}`, "-e", "HOSTNAME=127.0.0.1",
    "-e", `APP_URL=http://127.0.0.1:${PORT}`, "-e", "AUTH_SECRET=container-test-secret-0123456789-abcdefgh",
    "-e", "FORM_MIN_SECONDS=1", IMAGE,
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  installTools();
  await timed("base image", ensureBaseImage);

  const secret = fs.existsSync(CA_BUNDLE) ? ["--secret", `id=extra_ca,src=${CA_BUNDLE}`] : [];
  const build = await timed("build", () => podman(["build", "--isolation=chroot", "--network=host", "--pull=never", ...secret, "-f", "Dockerfile", "-t", IMAGE, "."], { timeoutMs: 1_200_000 }));
  process.stdout.write(build.stdout.split("\n").slice(-15).join("\n") + "\n");
  if (build.status !== 0) {
    console.error(build.stderr.slice(-3000));
    if (CI) process.exit(1);
    cannot("podman build failed (see above)");
  }

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    cannot(`no PostgreSQL at ${ADMIN_URL} (${(error as Error).message})`);
  }
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${DB_NAME}`;
  const base = `http://127.0.0.1:${PORT}`;
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  ENV.DATABASE_URL = dbUrl.toString();
  try {
    // The secret did not end up in the image.
    const inImage = podman([...RUN_FLAGS, "run", "--rm", "--network=none", IMAGE, "sh", "-c", "ls -A /run/secrets 2>/dev/null; env | grep -c NODE_EXTRA_CA_CERTS || true"]);
    check("the build's CA secret is not in the final image", inImage.status === 0 && inImage.stdout.trim() === "0", inImage.stdout + inImage.stderr);

    const run = await timed("start", async () => {
      const result = podman(runArgs(dbUrl.toString(), ["-d", "--name", NAME]));
      if (result.status !== 0) return result;
      await waitForHealth(base, 90_000);
      return result;
    });
    check("the container starts", run.status === 0, run.stderr);
    const health = await fetch(`${base}/api/health`).catch(() => null);
    check("/api/health answers 200", health?.status === 200, `HTTP ${health?.status} ${podman(["logs", NAME], { quiet: true }).stderr.slice(-1500)}`);
    await db.connect();
    const migrationFolders = fs.readdirSync("prisma/migrations").filter((d) => fs.existsSync(path.join("prisma/migrations", d, "migration.sql")));
    const applied = async () => (await db.query<{ n: string; names: string }>(`SELECT count(*) AS n, count(DISTINCT migration_name) AS names FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).rows[0]!;
    const first = await applied();
    check(`pending migrations applied at start (${migrationFolders.length})`, Number(first.n) === migrationFolders.length, `${first.n} applied`);

    const uid = podman(["exec", NAME, "id", "-u"]);
    check("the process runs as a non-root user", uid.status === 0 && uid.stdout.trim() !== "0" && uid.stdout.trim() !== "", `uid ${uid.stdout.trim()} ${uid.stderr}`);

    // A new deployment's first step: its first coordinator, from inside the image.
    const created = podman(["exec", NAME, "node", "create-coordinator.mjs", "--email", "first@example.org", "--name", "Eerste Coördinator"]);
    const coordinator = await db.query(`SELECT 1 FROM "User" WHERE email = 'first@example.org' AND role = 'COORDINATOR' AND active`);
    check("the first coordinator is created inside the image", created.status === 0 && coordinator.rowCount === 1, `${created.stdout} ${created.stderr.slice(-500)}`);

    // The subareas a resident's address is matched against (the demo's, from this checkout).
    const seeded = sh("npx", ["tsx", "scripts/seed.ts", "--scale", "0"], { timeoutMs: 180_000, input: "" });
    check("the demo subareas are seeded into the container's database", seeded.status === 0, seeded.stderr.slice(-500));
    // A resident applies the way a browser without JavaScript does.
    const hidden = await hiddenFields(base, "/apply", "Aanmeldformulier", "2001:db8:19::1");
    await letTokenMature();
    const form = new FormData();
    for (const [name, value] of hidden) form.append(name, value);
    const mobile = "+31612345019";
    for (const [name, value] of Object.entries({ website: "", name: "Container Test", mobile, street: "Kerkstraat", houseNumber: "3", postcode: "6951AB", email: "", acceptRules: "on" })) form.append(name, value);
    const applied303 = await postForm(base, "/apply", form, "2001:db8:19::2");
    check("a resident can apply without JavaScript", applied303.status === 303 && !!applied303.location?.startsWith("/apply/thanks"), `HTTP ${applied303.status} ${applied303.location ?? ""}`);
    const stored = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Application" WHERE mobile = $1`, [mobile])).rows[0]!.n);
    check("the application is stored", (await stored()) === 1);

    const restart = await timed("restart", async () => {
      const result = podman(["restart", "-t", "10", NAME]);
      return { result, health: await waitForHealth(base, 90_000) };
    });
    check("a restart comes back healthy", restart.result.status === 0 && restart.health === 200, restart.result.stderr);
    check("a restart keeps the data", (await stored()) === 1);
    const second = await applied();
    check("a restart applies no migration twice", Number(second.n) === migrationFolders.length && Number(second.names) === migrationFolders.length, `${second.n} rows, ${second.names} names`);

    const term = Date.now();
    podman(["kill", "--signal", "TERM", NAME]);
    let running = true;
    while (running && Date.now() - term < 15_000) {
      running = podman(["inspect", "-f", "{{.State.Running}}", NAME], { quiet: true }).stdout.trim() === "true";
      if (running) await sleep(200);
    }
    timings["SIGTERM to exit"] = Math.round((Date.now() - term) / 100) / 10;
    check("SIGTERM ends it within 10 s", !running && Date.now() - term <= 10_000, `${timings["SIGTERM to exit"]} s`);

    const bad = podman(runArgs("mysql://nobody@127.0.0.1:1/nothing", ["--rm"]), { timeoutMs: 60_000 });
    const said = (bad.stdout + bad.stderr).trim();
    console.log(`  bad DATABASE_URL said: ${said}`);
    check("a bad DATABASE_URL stops it", bad.status !== 0 && bad.status !== null);
    check("…with one sentence naming DATABASE_URL, no stack trace", /DATABASE_URL/.test(said) && !/\n\s+at /.test(said) && said.split("\n").length <= 2, said.slice(0, 500));
  } finally {
    podman(["rm", "-f", "-t", "0", NAME], { quiet: true });
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  timings.total = Math.round((Date.now() - started) / 100) / 10;
  console.log(`container test: ${failures.length ? `${failures.length} check(s) failed` : "all checks passed"}; seconds ${JSON.stringify(timings)}`);
  process.exit(failures.length ? 1 : 0);
}

await main();
