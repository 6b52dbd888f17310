// The command-line scripts (npm run bench, purge, seed, migrate, demo …) run under tsx, outside
// Next.js, where a module marked `import "server-only"` throws on import. A library module that
// a script reaches must therefore take what it needs (a database) as a parameter instead of
// importing the app's lib/db. This walks each script's relative imports and names the chain.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/** The first chain of imports from `entry` to a server-only module, or null. */
function serverOnlyChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(IMPORT)) {
      // A type-only import is erased: it loads nothing at run time.
      if (spec === "server-only") return [...chain, path.relative(root, file)];
      const next = resolve(file, spec!);
      if (next && !new RegExp(`import\\s+type\\s[^;]*["']${spec!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']`).test(text)) {
        const found = walk(next, [...chain, path.relative(root, file)]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(entry, []);
}

const scripts = fs.readdirSync(path.join(root, "scripts")).filter((f) => /^[a-z].*\.ts$/.test(f));

describe("command-line scripts", () => {
  it.each(scripts)("scripts/%s reaches no server-only module", (script) => {
    expect(serverOnlyChain(path.join(root, "scripts", script))).toBeNull();
  });

  it("finds a chain where there is one", () => {
    expect(serverOnlyChain(path.join(root, "lib/applications/list-applications.ts"))).toEqual(["lib/applications/list-applications.ts"]);
  });
});
