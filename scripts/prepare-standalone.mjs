// After `next build`: the standalone server serves static files only from its own folder.
import fs from "node:fs";

const standalone = ".next/standalone";
if (!fs.existsSync(standalone)) {
  console.error("No .next/standalone: run next build first.");
  process.exit(1);
}
fs.cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
if (fs.existsSync("public")) fs.cpSync("public", `${standalone}/public`, { recursive: true });
