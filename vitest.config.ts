import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    // A stray `.only` would quietly skip the rest of the suite.
    allowOnly: false,
    // Timeouts catch hangs, nothing else: with several workers on a busy machine, one embedded
    // database applying every migration took over 30 s (it fails a CI run, not the code).
    testTimeout: 120_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration:embedded", include: ["tests/integration/**/*.test.ts"], env: { TEST_DB: "embedded" } },
      },
      {
        extends: true,
        test: {
          name: "integration:postgres",
          include: ["tests/integration/**/*.test.ts"],
          env: { TEST_DB: "postgres" },
          globalSetup: ["tests/helpers/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
