// The viewer behind a session cookie in one query (lib/auth/session-viewer.ts), with the rules
// of Auth.js's database session and lib/auth/staff-adapter.ts: same answers as the account read
// (loadViewer), an ended session is signed out and deleted, the sliding end moves at most once
// per updateAge and never past the absolute cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerForSession } from "@/lib/auth/session-viewer";
import { SESSION_ABSOLUTE_HOURS, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/staff-adapter";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
const statements: string[] = [];
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 0, onQuery: (sql) => statements.push(sql) });
});
afterAll(() => s.db.drop());

const HOUR = 3_600_000;
const MAX_AGE = SESSION_MAX_AGE_SECONDS * 1000;
let n = 0;

/** A session of `email`'s account: created `ageHours` ago, ending `endsInHours` from now. */
async function session(email: string, { ageHours = 0, endsInHours = 12 } = {}): Promise<string> {
  const token = `session-viewer-${++n}`;
  await s.service(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await tx.session.create({ data: { sessionToken: token, userId: user.id, createdAt: new Date(Date.now() - ageHours * HOUR), expires: new Date(Date.now() + endsInHours * HOUR) } });
  });
  return token;
}
const read = (token: string, now?: Date) => viewerForSession(token, now);
const stored = (token: string) => s.service((tx) => tx.session.findUnique({ where: { sessionToken: token }, select: { expires: true } }));

describe("viewerForSession", () => {
  it("gives the same viewer as the account read, in one message to the database", async () => {
    const scripts: string[] = [];
    const script = s.db.script;
    Object.assign(s.db, { script: (text: string) => (scripts.push(text), script(text)) });
    try {
      for (const email of ["coordinator@example.org", "contact-1@example.org", "contact-2@example.org"]) {
        const token = await session(email);
        statements.length = 0;
        scripts.length = 0;
        const viewer = await read(token);
        expect(statements).toEqual([]);
        expect(scripts).toHaveLength(1);
        expect(viewer).toEqual(await s.viewer(email));
      }
    } finally {
      Object.assign(s.db, { script });
    }
  });

  it("takes any cookie value as a literal, never as SQL", async () => {
    for (const token of ["x' OR '1'='1", "x\\' OR true --", "a;b", "$$ OR true $$", "\u00e9\\"]) expect(await read(token)).toBeNull();
  });

  it("signs out an unknown token, a deactivated account, and no retired subarea gives access", async () => {
    expect(await read("no-such-token")).toBeNull();
    const contact = await s.contact(3);
    expect(contact.subareaIds.length).toBeGreaterThan(0);
    const token = await session(contact.email);
    const retired = contact.subareaIds[0]!;
    await s.service((tx) => tx.subarea.update({ where: { id: retired }, data: { status: "RETIRED" } }));
    expect(await read(token)).toMatchObject({ role: "CONTACT_PERSON", subareaIds: contact.subareaIds.filter((id) => id !== retired) });
    await s.service((tx) => tx.subarea.update({ where: { id: retired }, data: { status: "ACTIVE" } }));
    await s.service((tx) => tx.user.update({ where: { id: contact.userId }, data: { active: false } }));
    expect(await read(token)).toBeNull();
    await s.service((tx) => tx.user.update({ where: { id: contact.userId }, data: { active: true } }));
    expect(await read(token)).toMatchObject({ userId: contact.userId });
  });

  it("a changed role takes effect at the next read", async () => {
    const contact = await s.contact(4);
    const token = await session(contact.email);
    await s.service((tx) => tx.user.update({ where: { id: contact.userId }, data: { role: "COORDINATOR" } }));
    expect(await read(token)).toMatchObject({ role: "COORDINATOR", userId: contact.userId });
    await s.service((tx) => tx.user.update({ where: { id: contact.userId }, data: { role: "CONTACT_PERSON" } }));
    expect(await read(token)).toMatchObject({ role: "CONTACT_PERSON" });
  });

  it("signs out and deletes a session past its sliding end or past the absolute cap", async () => {
    const unused = await session("coordinator@example.org", { ageHours: 13, endsInHours: -1 });
    expect(await read(unused)).toBeNull();
    expect(await stored(unused)).toBeNull();
    const old = await session("coordinator@example.org", { ageHours: SESSION_ABSOLUTE_HOURS, endsInHours: 6 });
    expect(await read(old)).toBeNull();
    expect(await stored(old)).toBeNull();
  });

  it("moves the end once updateAge has passed, not before, and never past the cap", async () => {
    const now = Date.now();
    // Extended less than updateAge ago: no write.
    const fresh = await session("coordinator@example.org", { ageHours: 1, endsInHours: 12 - (SESSION_UPDATE_AGE_SECONDS / 3600) / 2 });
    const before = (await stored(fresh))!.expires.getTime();
    expect(await read(fresh, new Date(now))).not.toBeNull();
    expect((await stored(fresh))!.expires.getTime()).toBe(before);
    // Extended longer ago: the end moves to maxAge from now.
    const due = await session("coordinator@example.org", { ageHours: 3, endsInHours: 10 });
    expect(await read(due, new Date(now))).not.toBeNull();
    expect((await stored(due))!.expires.getTime()).toBe(now + MAX_AGE);
    // Near the cap: the end is the cap.
    const capped = await session("coordinator@example.org", { ageHours: SESSION_ABSOLUTE_HOURS - 2, endsInHours: 10 });
    const createdAt = (await s.service((tx) => tx.session.findUniqueOrThrow({ where: { sessionToken: capped }, select: { createdAt: true } }))).createdAt;
    expect(await read(capped, new Date(now))).not.toBeNull();
    expect((await stored(capped))!.expires.getTime()).toBe(createdAt.getTime() + SESSION_ABSOLUTE_HOURS * HOUR);
  });
});
