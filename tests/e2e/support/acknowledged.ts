import { expect } from "@playwright/test";
import pg from "pg";

/**
 * Asserts that every application the app acknowledged (a 303 to the thank-you page) is a row
 * in the database at `url`, found by its mobile number (E.164, as stored). The fault tests'
 * one promise: "try again" is allowed, a lost acknowledgement is not.
 */
export async function expectEveryAcknowledgedStored(url: string, acknowledged: readonly string[]): Promise<void> {
  expect(acknowledged.length, "nothing was acknowledged, so nothing is proven").toBeGreaterThan(0);
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const { rows } = await check.query<{ mobile: string }>(`SELECT mobile FROM "Application" WHERE mobile = ANY($1)`, [acknowledged]);
    expect(rows.map((r) => r.mobile).sort()).toEqual([...acknowledged].sort());
  } finally {
    await check.end();
  }
}
