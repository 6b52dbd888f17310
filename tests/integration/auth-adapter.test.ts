// @auth/prisma-adapter is typed against @prisma/client's class, which a Prisma 7 generated
// client does not provide (platform notes): the types prove nothing, so this runs it for real.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let adapter: Required<Pick<Adapter, "getUserByEmail" | "createSession" | "getSessionAndUser" | "deleteSession" | "createVerificationToken" | "useVerificationToken">>;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 0 });
  adapter = PrismaAdapter(s.db.prisma as never) as typeof adapter;
});
afterAll(() => s.db.drop());

describe("the Auth.js Prisma adapter on our client", () => {
  it("finds staff by e-mail and keeps database sessions", async () => {
    const user = await adapter.getUserByEmail("coordinator@example.org");
    expect(user).toMatchObject({ email: "coordinator@example.org", role: "COORDINATOR" });
    const expires = new Date(Date.now() + 3_600_000);
    await adapter.createSession({ sessionToken: "token-1", userId: user!.id, expires });
    expect((await adapter.getSessionAndUser("token-1"))?.user.id).toBe(user!.id);
    await adapter.deleteSession("token-1");
    expect(await adapter.getSessionAndUser("token-1")).toBeNull();
  });

  it("uses a verification token once", async () => {
    await adapter.createVerificationToken({ identifier: "coordinator@example.org", token: "hashed", expires: new Date(Date.now() + 900_000) });
    expect(await adapter.useVerificationToken({ identifier: "coordinator@example.org", token: "hashed" })).toMatchObject({ token: "hashed" });
    expect(await adapter.useVerificationToken({ identifier: "coordinator@example.org", token: "hashed" })).toBeNull();
  });
});
