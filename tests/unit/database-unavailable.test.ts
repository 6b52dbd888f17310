// The classifier against the error objects PostgreSQL and PGlite really produced through
// Prisma 7's driver adapters (tests/fixtures/database-errors/capture.ts wrote them).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AdapterError, SessionTokenError } from "@auth/core/errors";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

interface Fixture {
  name: string;
  database: string;
  unavailable: boolean;
  how: string;
  error: unknown;
}

const { fixtures } = JSON.parse(fs.readFileSync("tests/fixtures/database-errors/errors.json", "utf8")) as { fixtures: Fixture[] };

/** Back to an object graph like the one thrown: errors are Errors again, with every property. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (!value || typeof value !== "object") return value;
  const { __class, ...props } = value as Record<string, unknown>;
  const target: Record<string, unknown> = __class === "Object" ? {} : Object.create(Error.prototype);
  for (const [key, v] of Object.entries(props)) target[key] = revive(v);
  return target;
}

describe("isDatabaseUnavailable on captured errors", () => {
  it("has the situations of issue 18 in its fixtures", () => {
    const names = fixtures.map((f) => f.name);
    for (const needed of ["pg-57P03-recovering-model", "pg-57P03-recovering", "pg-57P01-raw", "pg-53300-model", "pg-econnrefused-model", "pg-crash-in-flight-raw", "pg-crash-open-transaction", "pglite-closed-raw"]) {
      expect(names).toContain(needed);
    }
    expect(fixtures.filter((f) => !f.unavailable).length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    expect(isDatabaseUnavailable(revive(fixture.error)), fixture.how).toBe(fixture.unavailable);
  });

  it("sees through Auth.js's wrappers (an unreadable session during an outage)", () => {
    const byName = (name: string) => revive(fixtures.find((f) => f.name === name)!.error);
    // At run time Auth.js wraps the thrown error itself (init.js: `new AdapterError(e)`); its
    // types only admit a message.
    const adapterError = (e: unknown) => new AdapterError(e as never);
    const sessionError = (e: unknown) => new SessionTokenError(e as never);
    expect(isDatabaseUnavailable(sessionError(adapterError(byName("pg-57P03-recovering-model"))))).toBe(true);
    expect(isDatabaseUnavailable(adapterError(byName("pg-crash-in-flight-raw")))).toBe(true);
    expect(isDatabaseUnavailable(sessionError(adapterError(byName("pg-23505-not-unavailable"))))).toBe(false);
  });

  it("finds a socket error in a cause chain", () => {
    const socket = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    expect(isDatabaseUnavailable(new Error("query failed", { cause: socket }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly, said the user"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
