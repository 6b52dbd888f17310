// Every route under app/ is either public or in the staff authorization matrix, and every
// staff route calls its guard with its own name (so the matrix is what decides).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_ACTIONS, PUBLIC_ROUTES, STAFF_ROUTES } from "@/lib/auth/authorization-matrix";
import { CAPABILITIES } from "@/lib/auth/capabilities";
import { scanServerActions } from "../helpers/server-actions";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** app/(staff)/staff/applications/[id]/page.tsx → /staff/applications/[id] */
function routeOf(file: string): string {
  const segments = path.dirname(path.relative("app", file)).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const files = routeFiles("app");

/** How many source files under lib/, app/ and components/ (capabilities.ts aside) contain `text`. */
function sourceMentions(text: string): number {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? [] : walk(full);
      return /\.tsx?$/.test(e.name) && e.name !== "capabilities.ts" ? [full] : [];
    });
  return ["lib", "app", "components"].flatMap(walk).filter((f) => fs.readFileSync(f, "utf8").includes(text)).length;
}

describe("the authorization matrix", () => {
  it("covers every route under app/", () => {
    const known = new Set<string>([...PUBLIC_ROUTES, ...Object.keys(STAFF_ROUTES)]);
    const missing = files.map(routeOf).filter((route) => !known.has(route));
    expect(missing).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it("lists no route that does not exist", () => {
    const existing = new Set(files.map(routeOf));
    expect([...PUBLIC_ROUTES, ...Object.keys(STAFF_ROUTES)].filter((route) => !existing.has(route))).toEqual([]);
  });

  it("has every staff page and route handler check its own entry", () => {
    const walked: string[] = [];
    for (const file of files) {
      const route = routeOf(file);
      if (!(route in STAFF_ROUTES)) continue;
      const source = fs.readFileSync(file, "utf8");
      const guard = route.startsWith("/api/") ? "requireApi" : "requirePage";
      expect(source, `${file} must call ${guard}("${route}")`).toContain(`${guard}("${route}"`);
      walked.push(route);
    }
    // Every staff route of the matrix was found and checked, not just some.
    expect(walked.sort()).toEqual(Object.keys(STAFF_ROUTES).sort());
  });

  it("has every Server Action built by the kernel, either public or checking its own staff entry", () => {
    const actions = scanServerActions();
    expect(actions.filter((a) => a.name === "(inline)").map((a) => a.file), "inline \"use server\": move the action to a lib/ actions file").toEqual([]);
    for (const { file, name, checks, built } of actions) {
      expect(built, `${file}: ${name} is not \`serverAction({ capability | public, … })\` (lib/http/server-action.ts)`).toBe(true);
      if ((PUBLIC_ACTIONS as readonly string[]).includes(name)) continue;
      expect(checks.length, `${file}: ${name} is neither in PUBLIC_ACTIONS nor names a capability`).toBeGreaterThan(0);
      for (const capability of checks) expect(Object.keys(CAPABILITIES)).toContain(capability);
    }
    // Public by its spec exactly when public by name: both say so, or neither.
    expect(actions.filter((a) => a.public !== (PUBLIC_ACTIONS as readonly string[]).includes(a.name)).map((a) => `${a.file}#${a.name}`)).toEqual([]);
    const names = actions.map((a) => a.name);
    const used = new Set(actions.flatMap((a) => a.checks));
    expect(names.length).toBeGreaterThan(40);
    expect(PUBLIC_ACTIONS.filter((action) => !names.includes(action))).toEqual([]);
    // Every capability is asked for somewhere: by an action, a route or the code that shows or reads.
    const routeCapabilities = new Set<string>(Object.values(STAFF_ROUTES));
    const asked = (c: string) => sourceMentions(`"${c}"`) > 0;
    expect(Object.keys(CAPABILITIES).filter((c) => !used.has(c) && !routeCapabilities.has(c) && !asked(c))).toEqual([]);
  });
});
