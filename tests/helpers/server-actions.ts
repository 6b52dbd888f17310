/**
 * The Server Actions in the source, as the authorization-matrix tests read them: every export of
 * every file under app/, components/ and lib/ whose first statement is "use server", and how it
 * is built. Every action must be `export const name = serverAction({ capability: "…", …})` or
 * `formAction({ … })` (lib/http/server-action.ts), with who may call it as the spec's first
 * entry: `capability: "…"` (the kernel asks requireCapability for it before anything else) or
 * `public: …`. A "use server" directive anywhere else (an inline action inside a component) is
 * listed too, under the name "(inline)", so a test can refuse it. The build's server reference
 * manifest is the check that nothing escapes this reading (tests/e2e/server-actions.spec.ts).
 */
import fs from "node:fs";
import path from "node:path";

export interface ScannedAction {
  /** Relative to the project root, with forward slashes, as the manifest writes it. */
  file: string;
  name: string;
  /** The capability the kernel checks for it (empty for a public action or one not built by the kernel). */
  checks: string[];
  /** Built by the kernel with `public:` as its first entry. */
  public: boolean;
  /** Built by the kernel (serverAction/formAction) with who may call it as its first entry. */
  built: boolean;
}

// `export const name = serverAction({ capability: "x.y",` or `… formAction({ public: …`.
const BUILT = /^export const \w+ = (?:serverAction|formAction)\(\{\s*(?:capability: "([\w.]+)"|(public): )/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const LEADING = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/;
const DIRECTIVE = /^["']use server["'];?/;
// An exported binding: `export async function x`, `export function x`, `export const x =`.
const EXPORT = /^export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)(\w+)/gm;

export function scanServerActions(roots: readonly string[] = ["app", "components", "lib"]): ScannedAction[] {
  const out: ScannedAction[] = [];
  for (const full of roots.flatMap((root) => sourceFiles(root))) {
    const source = fs.readFileSync(full, "utf8");
    const file = full.split(path.sep).join("/");
    const body = source.replace(LEADING, "");
    if (DIRECTIVE.test(body)) {
      const starts = [...source.matchAll(EXPORT)];
      starts.forEach((match, i) => {
        const chunk = source.slice(match.index, starts[i + 1]?.index ?? source.length);
        const built = BUILT.exec(chunk);
        out.push({ file, name: match[1]!, checks: built?.[1] ? [built[1]] : [], public: built?.[2] === "public", built: built !== null });
      });
      // `export { a, b as c }` and `export default`: not read here; the manifest check names them.
    } else if (/^\s*["']use server["']/m.test(source)) {
      out.push({ file, name: "(inline)", checks: [], public: false, built: false });
    }
  }
  return out;
}
