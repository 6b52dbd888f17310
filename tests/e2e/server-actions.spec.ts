// The build is the truth about which Server Actions exist: Next.js lists every one it compiled in
// .next/server/server-reference-manifest.json (file and export name), wherever and however it is
// written. Each must be one the authorization-matrix test read (tests/helpers/server-actions.ts)
// and therefore built by the kernel (lib/http/server-action.ts), public by name and by its spec,
// or guarded by the capability its spec names (the kernel asks requireCapability). Runs after
// `npm run build`, as every end-to-end test does.
import fs from "node:fs";
import { PUBLIC_ACTIONS } from "../../lib/auth/authorization-matrix";
import { CAPABILITIES } from "../../lib/auth/capabilities";
import { scanServerActions } from "../helpers/server-actions";
import { expect, test } from "./support/fixtures";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

test("every Server Action in the build is one the authorization matrix checks", () => {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry>; edge?: Record<string, ManifestEntry> };
  const built = [...Object.values(manifest.node), ...Object.values(manifest.edge ?? {})].map((e) => `${e.filename ?? "?"}#${e.exportedName ?? "?"}`);
  expect(built.length).toBeGreaterThan(20);
  const scanned = scanServerActions();
  const read = new Set(scanned.map((a) => `${a.file}#${a.name}`));
  // Nothing compiled that the source reading missed (an inline action, `export { x }`, a file elsewhere).
  expect([...new Set(built)].filter((key) => !read.has(key)).sort()).toEqual([]);
  // And each one is public by name or checks an entry of the matrix.
  const unguarded = scanned
    .filter((a) => built.includes(`${a.file}#${a.name}`))
    .filter((a) => !a.built || (a.public ? !(PUBLIC_ACTIONS as readonly string[]).includes(a.name) : !a.checks.some((c) => c in CAPABILITIES)));
  expect(unguarded.map((a) => `${a.file}#${a.name}`)).toEqual([]);
});

test("the dev outbox is not there unless the demo switches it on", async ({ request }) => {
  // The end-to-end servers run as production does (SMTP set, DEV_OUTBOX unset).
  const response = await request.get("/dev/outbox");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("@example.org");
});
