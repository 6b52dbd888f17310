import { defineConfig, devices } from "@playwright/test";
import { baseUrl, SERVERS, type ServerKind } from "./tests/e2e/support/e2e-env";

// E2E_DATABASES=embedded runs only the embedded server (no PostgreSQL on this machine).
const kinds = (process.env.E2E_DATABASES ?? "postgres,embedded").split(",") as ServerKind[];

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A stray `.only` would quietly skip the rest of the suite.
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : "list",
  use: { trace: "retain-on-failure", locale: "nl-NL", timezoneId: "Europe/Amsterdam" },
  projects: kinds.map((kind) => ({
    name: kind,
    use: { ...chromium, baseURL: baseUrl(kind) },
    // The embedded server proves the demo's database works; the full suite runs on PostgreSQL.
    testMatch: kind === "embedded" ? /smoke\.spec\.ts/ : /.*\.spec\.ts/,
  })),
  webServer: kinds.map((kind) => ({
    command: `npx tsx tests/e2e/support/e2e-server.ts ${kind}`,
    url: `http://127.0.0.1:${SERVERS[kind].port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  })),
});
