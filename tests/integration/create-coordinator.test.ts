import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { createCoordinator } from "@/lib/staff/create-coordinator";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("create-coordinator", () => {
  it("creates the first coordinator once, and is harmless to repeat", async () => {
    expect(await createCoordinator(db.prisma, { email: " Anna@Example.org ", name: "Anna" })).toBe("created");
    expect(await createCoordinator(db.prisma, { email: "anna@example.org", name: "Anna" })).toBe("exists");
    const users = await inScope(db.prisma, { role: "service" }, (tx) => tx.user.findMany({ select: { email: true, role: true, active: true } }));
    expect(users).toEqual([{ email: "anna@example.org", role: "COORDINATOR", active: true }]);
  });

  it("refuses bad input with one sentence", async () => {
    await expect(createCoordinator(db.prisma, { email: "nope", name: "X" })).rejects.toThrow(/^Give a valid --email and a --name/);
    await expect(createCoordinator(db.prisma, { email: "x@example.org" })).rejects.toThrow(/^Give a valid --email/);
  });
});
