/**
 * npm run budget [-- http://host:port] — first-load JavaScript of /apply against a bare page of
 * the same build (/budget-baseline: the root layout and nothing else).
 *
 * Builds nothing: it measures the production build as a browser gets it. Given a URL it asks
 * that running server; without one it starts .next/standalone/server.js itself on a throwaway
 * embedded database (after `npm run build`), and stops it afterwards. It sums the gzip size of
 * every external script the page's HTML loads, leaving out `noModule` polyfills (modern
 * browsers skip them). Inline scripts (the page's own data) are reported, not counted.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = 25;
const PAGES = ["/budget-baseline", "/apply"] as const;

interface Measure {
  files: { src: string; bytes: number; gzip: number }[];
  gzip: number;
  inlineGzip: number;
}

async function measure(base: string, page: string): Promise<Measure> {
  const response = await fetch(new URL(page, base));
  if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
  const html = await response.text();
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const files: Measure["files"] = [];
  let inlineGzip = 0;
  for (const [, attributes, body] of tags) {
    if (/\bnoModule\b/i.test(attributes!)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
    if (!src) {
      inlineGzip += zlib.gzipSync(body!).length;
      continue;
    }
    if (files.some((f) => f.src === src)) continue;
    const script = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    files.push({ src, bytes: script.length, gzip: zlib.gzipSync(script).length });
  }
  return { files, gzip: files.reduce((n, f) => n + f.gzip, 0), inlineGzip };
}

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const dir = path.resolve(".next/standalone");
  if (!fs.existsSync(path.join(dir, "server.js"))) throw new Error("No production build: run npm run build first.");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-budget-"));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", AUTH_SECRET: "budget-only-secret-budget-only-secret-0123" };
  const migrated = spawnSync(process.execPath, ["migrate.mjs"], { cwd: dir, env, stdio: "ignore" });
  if (migrated.status !== 0) throw new Error("node migrate.mjs failed");
  const server: ChildProcess = spawn(process.execPath, ["server.js"], { cwd: dir, env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error("the server did not start within 30 s");
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const given = process.argv[2];
const server = given ? { base: given, stop: () => {} } : await startServer();
try {
  const [baseline, apply] = await Promise.all(PAGES.map((page) => measure(server.base, page)));
  const extra = apply!.gzip - baseline!.gzip;
  const own = apply!.files.filter((f) => !baseline!.files.some((b) => b.src === f.src));
  console.log(`First-load JavaScript (gzip, noModule not counted) at ${server.base}`);
  console.log(`  bare page  /budget-baseline  ${kb(baseline!.gzip)} in ${baseline!.files.length} scripts (+ ${kb(baseline!.inlineGzip)} inline data)`);
  console.log(`  /apply                       ${kb(apply!.gzip)} in ${apply!.files.length} scripts (+ ${kb(apply!.inlineGzip)} inline data)`);
  for (const f of own) console.log(`    only /apply: ${f.src}  ${kb(f.gzip)}`);
  console.log(`  difference                   ${kb(extra)} (budget ${BUDGET_KB} kB): ${extra <= BUDGET_KB * 1024 ? "within budget" : "OVER BUDGET"}`);
  process.exitCode = extra <= BUDGET_KB * 1024 ? 0 : 1;
} finally {
  server.stop();
}
