// The yearly member check (issue 16 part 2) with a clock we move: members are asked once their
// period has passed, reminded once after two weeks, listed for the contact person as "niet
// bevestigd" after four weeks; a confirmation (the button's POST) stops it; a member without a
// confirmed e-mail address is listed at once to ask in person; nothing is mailed twice; and what
// the private page does on a GET (look up the link, read the application) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { applicationIdForToken, getOwnApplication } from "@/lib/applications/own-application";
import { parseConfig } from "@/lib/config/env";
import { NotFoundError } from "@/lib/errors";
import { getGroupWorkspace } from "@/lib/group/get-group-workspace";
import { confirmRemoval } from "@/lib/group/confirm-removal";
import { confirmMembershipFromLink } from "@/lib/members/confirm-membership";
import { keepCheckedMember } from "@/lib/members/keep-member";
import { runMemberCheck, type MemberCheckCounts } from "@/lib/members/member-check";
import { getOverview } from "@/lib/overview/get-overview";
import type { Prisma } from "@/lib/db/generated/client";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const cfg = parseConfig({ NODE_ENV: "test" });
const T0 = new Date("2028-03-10T09:00:00.000Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const monthsBefore = (months: number) => {
  const d = new Date(T0);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

let s: Seeded;
let contact: ViewerOf<"CONTACT_PERSON">;
const id: Record<string, number> = {};
const runs: MemberCheckCounts[] = [];
const run = async (now: Date, options: { cfg?: typeof cfg } = {}) => {
  const counts = await runMemberCheck(s.db.prisma, { now, cfg: options.cfg ?? cfg, batchSize: 2 });
  runs.push(counts);
  return counts;
};
const mails = (key: string) =>
  s.service((tx) => tx.outboxMail.findMany({ where: { applicationId: id[key] }, orderBy: { id: "asc" }, select: { subject: true, text: true, template: true } }));
const row = (key: string) => s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: id[key] } }));
const tokenIn = (text: string) => /\/manage\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
const listed = async () => (await getGroupWorkspace(contact, s.subareaIds[0]!)).memberCheck.rows.map((r) => [r.id, r.memberCheckOpen] as const);

let counter = 0;
async function member(key: string, data: Partial<Prisma.ApplicationUncheckedCreateInput>) {
  counter++;
  const created = await s.service((tx) =>
    tx.application.create({
      data: {
        name: `Lid ${key}`,
        mobile: `+316200000${String(counter).padStart(2, "0")}`,
        street: "Kerkstraat",
        houseNumber: 100 + counter,
        postcode: "6951AB",
        email: `${key.toLowerCase()}@example.net`,
        emailConfirmedAt: new Date("2026-01-01T00:00:00Z"),
        rulesVersion: "2026-1",
        rulesAcceptedAt: new Date("2026-01-01T00:00:00Z"),
        status: "ADDED",
        inGroup: true,
        subareaId: s.subareaIds[0]!,
        ...data,
      },
      select: { id: true },
    }),
  );
  id[key] = created.id;
}

beforeAll(async () => {
  s = await createSeededDatabase({ applications: 60 });
  contact = await s.contact(1);
  // The demo's own members joined "just now" on the moved clock: only the rows below are due.
  await s.service((tx) => tx.application.updateMany({ data: { statusChangedAt: at(400) } }));
  await member("UNANSWERED", { statusChangedAt: monthsBefore(13), locale: "en" });
  await member("NOT_DUE", { statusChangedAt: monthsBefore(9) });
  await member("NO_EMAIL", { statusChangedAt: monthsBefore(13), email: null, emailConfirmedAt: null });
  await member("UNCONFIRMED", { statusChangedAt: monthsBefore(13), emailConfirmedAt: null });
  await member("CONFIRMS", { statusChangedAt: new Date(monthsBefore(12).getTime() - DAY) });
  // Confirmed last year: the period counts from the confirmation.
  await member("CONFIRMED_LAST_YEAR", { statusChangedAt: monthsBefore(30), memberConfirmedAt: monthsBefore(6) });
});
afterAll(() => s.db.drop());

describe("the yearly member check", () => {
  it("does nothing when MEMBER_CHECK_MONTHS is 0", async () => {
    const off = await runMemberCheck(s.db.prisma, { now: at(400), cfg: parseConfig({ NODE_ENV: "test", MEMBER_CHECK_MONTHS: "0" }) });
    expect(off).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 });
    expect(await s.service((tx) => tx.outboxMail.count({ where: { template: { startsWith: "memberCheck" } } }))).toBe(0);
  });

  it("asks the members whose period has passed, by mail in their language, and lists those without a confirmed address", async () => {
    expect(await run(at(0))).toEqual({ asked: 2, askInPerson: 2, reminded: 0, unanswered: 0, closed: 0 });
    const [mail] = await mails("UNANSWERED");
    expect(mail).toMatchObject({ template: "memberCheck", subject: expect.stringContaining("still live") });
    expect(mail!.text).toContain("I still live here");
    expect(mail!.text).not.toContain("Lid UNANSWERED");
    expect((await mails("CONFIRMS"))[0]!.subject).toContain("Woon je nog");
    for (const key of ["NOT_DUE", "NO_EMAIL", "UNCONFIRMED", "CONFIRMED_LAST_YEAR"]) expect(await mails(key)).toEqual([]);
    expect((await row("NOT_DUE")).memberCheckAskedAt).toBeNull();
    expect(await listed()).toEqual(
      expect.arrayContaining([
        [id.NO_EMAIL, "ASK_IN_PERSON"],
        [id.UNCONFIRMED, "ASK_IN_PERSON"],
      ]),
    );
    expect((await listed()).map(([i]) => i).sort()).toEqual([id.NO_EMAIL, id.UNCONFIRMED].sort());
  });

  it("asks nobody twice for the same clock", async () => {
    expect(await run(at(0))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 });
    expect(await run(at(13))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 });
  });

  it("changes nothing when the private page is opened (a GET: look up the link, read the application)", async () => {
    const token = tokenIn((await mails("CONFIRMS"))[0]!.text);
    const before = await row("CONFIRMS");
    const events = await s.service((tx) => tx.applicationEvent.count({ where: { applicationId: id.CONFIRMS } }));
    const found = await applicationIdForToken(token);
    expect(found).toBe(id.CONFIRMS);
    const own = await getOwnApplication(found!);
    expect(own.memberCheckAskedAt).toEqual(at(0));
    expect(await row("CONFIRMS")).toEqual(before);
    expect(await s.service((tx) => tx.applicationEvent.count({ where: { applicationId: id.CONFIRMS } }))).toBe(events);
  });

  it("stores the confirmation of the button, which stops the check for that member", async () => {
    const token = tokenIn((await mails("CONFIRMS"))[0]!.text);
    await confirmMembershipFromLink(token, "192.0.2.10", at(3));
    const after = await row("CONFIRMS");
    expect(after.memberConfirmedAt).toEqual(at(3));
    expect(after.memberCheckOpen).toBeNull();
    // A second press, with nothing open any more, is "not found" and changes nothing.
    await expect(confirmMembershipFromLink(token, "192.0.2.10", at(4))).rejects.toBeInstanceOf(NotFoundError);
    expect((await row("CONFIRMS")).memberConfirmedAt).toEqual(at(3));
    // A member who was not asked cannot answer.
    await expect(confirmMembershipFromLink("x".repeat(43), "192.0.2.10", at(4))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reminds once after two weeks, with a new link (the old one stops working)", async () => {
    const oldToken = tokenIn((await mails("UNANSWERED"))[0]!.text);
    expect(await run(at(14.1))).toEqual({ asked: 0, askInPerson: 0, reminded: 1, unanswered: 0, closed: 0 });
    const sent = await mails("UNANSWERED");
    expect(sent.map((m) => m.template)).toEqual(["memberCheck", "memberCheckReminder"]);
    expect(await applicationIdForToken(oldToken)).toBeNull();
    expect(await applicationIdForToken(tokenIn(sent[1]!.text))).toBe(id.UNANSWERED);
    expect(await mails("CONFIRMS")).toHaveLength(1);
    expect(await run(at(20))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 });
  });

  it("lists the member as not confirmed after four weeks without an answer, and mails nothing more", async () => {
    expect(await run(at(27))).toMatchObject({ unanswered: 0 });
    expect(await run(at(28.2))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 1, closed: 0 });
    expect((await listed()).map(([i]) => i).sort()).toEqual([id.UNANSWERED, id.NO_EMAIL, id.UNCONFIRMED].sort());
    expect((await listed())[0]).toEqual([id.UNANSWERED, "UNANSWERED"]);
    expect(await run(at(60))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 0 });
    expect(await mails("UNANSWERED")).toHaveLength(2);
    expect(await mails("CONFIRMS")).toHaveLength(1);
  });

  it("lets the contact person keep a listed member (the check starts again) or remove one (the usual removal)", async () => {
    const card = (await getGroupWorkspace(contact, s.subareaIds[0]!)).memberCheck.rows.find((r) => r.id === id.UNANSWERED)!;
    expect(Object.keys(card).sort()).toEqual(["id", "memberCheckOpen", "mobile", "mobileDisplay", "name", "status", "version"]);
    await expect(keepCheckedMember(contact, { id: id.NOT_DUE, version: 1 }, at(61))).rejects.toBeInstanceOf(NotFoundError);
    await keepCheckedMember(contact, { id: id.UNANSWERED, version: card.version }, at(61));
    await keepCheckedMember(contact, { id: id.NO_EMAIL, version: (await row("NO_EMAIL")).version }, at(61));
    await confirmRemoval(contact, { id: id.UNCONFIRMED, from: "ADDED" });
    expect(await listed()).toEqual([]);
    expect(await row("UNANSWERED")).toMatchObject({ memberConfirmedAt: at(61), memberCheckOpen: null });
    // The removed member's open check is closed by the next run; the others stay quiet.
    expect(await run(at(62))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 0, closed: 1 });
    expect(await row("UNCONFIRMED")).toMatchObject({ status: "LEFT", memberCheckOpen: null });
  });

  it("asks again a period after the last confirmation", async () => {
    const next = await run(at(61 + 366));
    // UNANSWERED (kept) and CONFIRMS (confirmed) by mail, NOT_DUE and CONFIRMED_LAST_YEAR too by now; NO_EMAIL in person.
    expect(next).toEqual({ asked: 4, askInPerson: 1, reminded: 0, unanswered: 0, closed: 0 });
    expect((await mails("UNANSWERED")).map((m) => m.template)).toEqual(["memberCheck", "memberCheckReminder", "memberCheck"]);
  });

  it("counts questions, reminders, answers and outcomes on the coordinator's overview", async () => {
    const sum = (key: keyof MemberCheckCounts) => runs.reduce((n, r) => n + r[key], 0);
    const overview = await getOverview(s.coordinator, new Date(), cfg);
    expect(overview.memberCheck).toEqual({
      enabled: true,
      months: 12,
      asked: sum("asked"),
      reminded: sum("reminded"),
      confirmed: 1,
      kept: 2,
      listed: sum("askInPerson") + sum("unanswered"),
      removed: sum("closed"),
      openUnanswered: 0,
      openAskInPerson: 1,
    });
    expect(overview.memberCheck.asked).toBe(6);
  });
});
