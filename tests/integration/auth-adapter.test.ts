// @auth/prisma-adapter is typed against @prisma/client's class, which a Prisma 7 generated
// client does not provide (platform notes): the types prove nothing, so this runs it for real,
// through our wrapper (lib/auth/staff-adapter.ts) with its own rules on top.
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_HOURS, staffAdapter } from "../../lib/auth/staff-adapter";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let adapter: Required<
  Pick<Adapter, "getUserByEmail" | "createSession" | "getSessionAndUser" | "updateSession" | "deleteSession" | "createVerificationToken" | "useVerificationToken">
>;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 0 });
  adapter = staffAdapter(s.db.prisma) as typeof adapter;
});
afterAll(() => s.db.drop());

const HOUR = 3_600_000;

describe("the Auth.js Prisma adapter on our client", () => {
  it("finds staff by e-mail and keeps database sessions", async () => {
    const user = await adapter.getUserByEmail("coordinator@example.org");
    expect(user).toMatchObject({ email: "coordinator@example.org", role: "COORDINATOR" });
    const expires = new Date(Date.now() + HOUR);
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

  it("a new link for an address makes that address's older links useless, and no one else's", async () => {
    const expires = new Date(Date.now() + 900_000);
    await adapter.createVerificationToken({ identifier: "contact-1@example.org", token: "first", expires });
    await adapter.createVerificationToken({ identifier: "contact-2@example.org", token: "other", expires });
    await adapter.createVerificationToken({ identifier: "contact-1@example.org", token: "second", expires });
    expect(await adapter.useVerificationToken({ identifier: "contact-1@example.org", token: "first" })).toBeNull();
    expect(await adapter.useVerificationToken({ identifier: "contact-1@example.org", token: "second" })).toMatchObject({ token: "second" });
    expect(await adapter.useVerificationToken({ identifier: "contact-2@example.org", token: "other" })).toMatchObject({ token: "other" });
  });

  it(`ends a session ${SESSION_ABSOLUTE_HOURS} hours after it began, however recently it was used`, async () => {
    const user = (await adapter.getUserByEmail("coordinator@example.org"))!;
    const began = new Date(Date.now() - (SESSION_ABSOLUTE_HOURS - 1) * HOUR);
    // A session in active use: the sliding end lies 12 hours ahead.
    await s.db.prisma.session.create({ data: { sessionToken: "old", userId: user.id, expires: new Date(Date.now() + 12 * HOUR), createdAt: began } });
    const cap = began.getTime() + SESSION_ABSOLUTE_HOURS * HOUR;

    // Inside the cap it works, but its end is the cap, also after Auth.js extends it.
    expect((await adapter.getSessionAndUser("old"))?.session.expires.getTime()).toBe(cap);
    await adapter.updateSession({ sessionToken: "old", expires: new Date(Date.now() + 12 * HOUR) });
    expect((await s.db.prisma.session.findUnique({ where: { sessionToken: "old" } }))?.expires.getTime()).toBe(cap);

    // Past the cap it is gone, although its sliding end has not come.
    await s.db.prisma.session.update({ where: { sessionToken: "old" }, data: { createdAt: new Date(Date.now() - (SESSION_ABSOLUTE_HOURS + 1) * HOUR) } });
    expect(await adapter.getSessionAndUser("old")).toBeNull();
    expect(await s.db.prisma.session.count({ where: { sessionToken: "old" } })).toBe(0);

    // A young session keeps its sliding end.
    const young = new Date(Date.now() + 12 * HOUR);
    await adapter.createSession({ sessionToken: "young", userId: user.id, expires: young });
    expect((await adapter.getSessionAndUser("young"))?.session.expires.getTime()).toBe(young.getTime());
  });
});
