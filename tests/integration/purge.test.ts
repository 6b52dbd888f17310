// The retention policy applied by the purge job, with a clock we control: for every rule, rows
// just past its period are erased, anonymised, asked or deleted — and rows just inside it, and
// every other row in the database, are left exactly as they were. A second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/env";
import { tokenHash } from "@/lib/crypto/keyed-hash";
import { inScope, type Tx } from "@/lib/db/scope";
import { runExclusive } from "@/lib/jobs/run-exclusive";
import type { Prisma } from "@/lib/db/generated/client";
import { purge, PURGE_JOB } from "@/lib/privacy/purge";
import { retentionCutoff, retentionRule, type RetentionRuleId } from "@/lib/privacy/retention-policy";
import { diff, snapshot, type Snapshot } from "../helpers/database-snapshot";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const cfg = parseConfig({ NODE_ENV: "test" });
const NOW = new Date("2027-06-15T10:00:00.000Z");
const MINUTE = 60_000;
/** Just past the rule's period (acted on) or just inside it (left alone). */
const past = (rule: RetentionRuleId) => new Date(retentionCutoff(retentionRule(rule, cfg), NOW).getTime() - MINUTE);
const inside = (rule: RetentionRuleId) => new Date(retentionCutoff(retentionRule(rule, cfg), NOW).getTime() + MINUTE);

let db: TestDatabase;
let before: Snapshot;
let first: Awaited<ReturnType<typeof purge>>;
let afterFirst: Snapshot;
let renewals = 0;
const ids: Record<string, number | bigint | string> = {};
const service = <T>(fn: (tx: Tx) => Promise<T>) => inScope(db.prisma, { role: "service" }, fn);

let counter = 0;
async function application(key: string, data: Partial<Prisma.ApplicationUncheckedCreateInput>) {
  counter++;
  const row = await service((tx) =>
    tx.application.create({
      data: {
        name: `Persoon ${key}`,
        mobile: `+316100000${String(counter).padStart(2, "0")}`,
        street: "Kerkstraat",
        houseNumber: counter,
        postcode: "6951AB",
        email: `${key.toLowerCase()}@example.net`,
        rulesVersion: "2026-1",
        rulesAcceptedAt: new Date("2024-01-01T00:00:00Z"),
        manageTokenHash: tokenHash(`token-${key}`),
        createdAt: new Date("2024-01-01T00:00:00Z"),
        ...data,
      },
      select: { id: true },
    }),
  );
  ids[key] = row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // Applications, per rule: one just past the period, one just inside.
  await application("REJECTED_PAST", { status: "REJECTED", rejectionReason: "SPAM", statusChangedAt: past("rejected") });
  await application("REJECTED_INSIDE", { status: "REJECTED", rejectionReason: "SPAM", statusChangedAt: inside("rejected") });
  await application("REJECTED_IN_GROUP", { status: "REJECTED", rejectionReason: "RULE_VIOLATION", inGroup: true, statusChangedAt: past("rejected") });
  await application("WITHDRAWN_PAST", { status: "WITHDRAWN", statusChangedAt: past("withdrawn") });
  await application("WITHDRAWN_INSIDE", { status: "WITHDRAWN", statusChangedAt: inside("withdrawn") });
  await application("LEFT_PAST", { status: "LEFT", statusChangedAt: past("left") });
  await application("LEFT_INSIDE", { status: "LEFT", statusChangedAt: inside("left") });
  await application("ADDED_OLD", { status: "ADDED", inGroup: true, statusChangedAt: new Date("2020-01-01T00:00:00Z") });
  await application("WAITING_ERASE", { status: "WAITING", statusChangedAt: past("waitingErase") });
  await application("WAITING_RECONFIRMED", { status: "WAITING", statusChangedAt: past("waitingErase"), reconfirmedAt: inside("waitingReconfirm") });
  await application("WAITING_ASK", { status: "WAITING", locale: "en", statusChangedAt: past("waitingReconfirm") });
  await application("WAITING_NOT_YET", { status: "WAITING", statusChangedAt: inside("waitingReconfirm") });
  await application("WAITING_ASKED", { status: "WAITING", statusChangedAt: past("waitingReconfirm"), reconfirmAskedAt: inside("waitingReconfirm") });
  await application("WAITING_NO_EMAIL", { status: "WAITING", email: null, statusChangedAt: past("waitingReconfirm") });
  // Confirmed a year ago after being asked before that: a new period, so asked again.
  await application("WAITING_ASK_AGAIN", {
    status: "WAITING",
    statusChangedAt: new Date("2025-11-01T00:00:00Z"),
    reconfirmAskedAt: new Date("2026-05-01T00:00:00Z"),
    reconfirmedAt: past("waitingReconfirm"),
  });
  await application("ERASED_REMOVED", { status: "LEFT", statusChangedAt: inside("left"), anonymisedAt: new Date("2027-06-01T00:00:00Z"), street: "", houseNumber: 0, postcode: "", email: null, manageTokenHash: null });
  await application("ERASED_IN_GROUP", { status: "LEFT", inGroup: true, statusChangedAt: inside("left"), anonymisedAt: new Date("2027-06-01T00:00:00Z"), street: "", houseNumber: 0, postcode: "", email: null, manageTokenHash: null });

  await service(async (tx) => {
    const withMail = ids.REJECTED_PAST as number;
    await tx.outboxMail.createMany({
      data: [
        { to: "rejected_past@example.net", subject: "s", text: "t", template: "signIn", status: "PENDING", applicationId: withMail, messageId: "<purge-1@example.net>" },
        { to: "a@example.net", subject: "s", text: "t", template: "signIn", status: "SENT", createdAt: past("sentMail"), messageId: "<purge-2@example.net>" },
        { to: "b@example.net", subject: "s", text: "t", template: "signIn", status: "FAILED", createdAt: past("sentMail"), messageId: "<purge-3@example.net>" },
        { to: "c@example.net", subject: "s", text: "t", template: "signIn", status: "SENT", createdAt: inside("sentMail"), messageId: "<purge-4@example.net>" },
        { to: "d@example.net", subject: "s", text: "t", template: "signIn", status: "PENDING", createdAt: past("sentMail"), messageId: "<purge-5@example.net>" },
      ],
    });
    await tx.message.createMany({
      data: [
        { name: "Vraag Oud", body: "old answered", status: "ANSWERED", answeredAt: past("answeredMessages") },
        { name: "Vraag Nieuw", body: "recent answered", status: "ANSWERED", answeredAt: inside("answeredMessages") },
        { name: "Vraag Open", body: "old open", status: "OPEN", createdAt: new Date("2020-01-01T00:00:00Z") },
      ],
    });
    for (const [key, status] of [["DECLINED_PAST", "DECLINED"], ["WITHDRAWN_OFFER_PAST", "WITHDRAWN"], ["DECLINED_INSIDE", "DECLINED"], ["NEW_OFFER_OLD", "NEW"]] as const) {
      const row = await tx.expansionRequest.create({ data: { name: key, mobile: "+31600000001", email: "o@example.net", streets: "Zuiderlaan", status }, select: { id: true } });
      ids[key] = row.id;
    }
    await tx.blockedNumber.createMany({ data: [{ hash: "blocked-past", createdAt: past("blockedNumbers") }, { hash: "blocked-inside", createdAt: inside("blockedNumbers") }] });
    await tx.privacyRequest.createMany({
      data: [
        { type: "ACCESS", status: "DONE", receivedAt: new Date("2024-01-01T00:00:00Z"), dueAt: new Date("2024-02-01T00:00:00Z"), closedAt: past("closedPrivacyRequests") },
        { type: "ACCESS", status: "REFUSED", receivedAt: new Date("2025-01-01T00:00:00Z"), dueAt: new Date("2025-02-01T00:00:00Z"), closedAt: inside("closedPrivacyRequests") },
        { type: "ERASURE", status: "OPEN", receivedAt: new Date("2020-01-01T00:00:00Z"), dueAt: new Date("2020-02-01T00:00:00Z") },
      ],
    });
    await tx.auditEvent.createMany({
      data: [
        { actorKind: "SYSTEM", action: "old", at: past("auditEvents") },
        { actorKind: "SYSTEM", action: "recent", at: inside("auditEvents") },
      ],
    });
    await tx.verificationToken.createMany({
      data: [
        { identifier: "staff@example.org", token: "expired-long-ago", expires: past("expiredSignInLinks") },
        { identifier: "staff@example.org", token: "just-expired", expires: inside("expiredSignInLinks") },
      ],
    });
    const user = await tx.user.create({ data: { email: "staff@example.org", role: "COORDINATOR" }, select: { id: true } });
    await tx.session.createMany({
      data: [
        { sessionToken: "session-past", userId: user.id, expires: past("expiredSessions") },
        { sessionToken: "session-inside", userId: user.id, expires: inside("expiredSessions") },
      ],
    });
    await tx.rateLimit.createMany({ data: [{ key: "rl-past", count: 1, expiresAt: past("expiredRateLimits") }, { key: "rl-inside", count: 1, expiresAt: inside("expiredRateLimits") }] });
  });
  // updatedAt is set by Prisma on every write: place it in time directly.
  await db.query(`UPDATE "ExpansionRequest" SET "updatedAt" = $1::timestamp(3) WHERE id IN ($2, $3)`, [past("closedExpansionRequests").toISOString(), ids.DECLINED_PAST, ids.WITHDRAWN_OFFER_PAST]);
  await db.query(`UPDATE "ExpansionRequest" SET "updatedAt" = $1::timestamp(3) WHERE id = $2`, [inside("closedExpansionRequests").toISOString(), ids.DECLINED_INSIDE]);
  await db.query(`UPDATE "ExpansionRequest" SET "updatedAt" = '2020-01-01' WHERE id = $1`, [ids.NEW_OFFER_OLD]);

  before = await snapshot(db.query);
  first = await purge(db.prisma, { now: NOW, cfg, batchSize: 2, renew: async () => void renewals++ });
  afterFirst = await snapshot(db.query);
});
afterAll(() => db.drop());

const row = (key: string) => service((tx) => tx.application.findUniqueOrThrow({ where: { id: ids[key] as number } }));

describe("the purge job", () => {
  it("changes exactly the rows past a period, and nothing else", async () => {
    const app = (key: string) => `Application:${ids[key]} changed`;
    const outbox = (await db.query<{ id: string; to: string; status: string }>(`SELECT id::text, "to", status FROM "OutboxMail" ORDER BY id`)).map((r) => r);
    const mailId = (to: string) => outbox.find((m) => m.to === to)?.id;
    const reconfirmMails = outbox.filter((m) => m.to.startsWith("waiting_ask")).map((m) => `OutboxMail:${m.id} added`);
    const events = (await db.query<{ id: string }>(`SELECT id::text FROM "ApplicationEvent" ORDER BY id`)).map((e) => `ApplicationEvent:${e.id} added`);
    expect(diff(before, afterFirst)).toEqual(
      [
        app("REJECTED_PAST"), app("REJECTED_IN_GROUP"), app("WITHDRAWN_PAST"), app("LEFT_PAST"), app("WAITING_ERASE"),
        app("WAITING_ASK"), app("WAITING_NO_EMAIL"), app("WAITING_ASK_AGAIN"), app("ERASED_REMOVED"),
        ...reconfirmMails, ...events,
        "OutboxMail:1 deleted", "OutboxMail:2 deleted", "OutboxMail:3 deleted",
        "Message:1 deleted",
        `ExpansionRequest:${ids.DECLINED_PAST} deleted`, `ExpansionRequest:${ids.WITHDRAWN_OFFER_PAST} deleted`,
        "BlockedNumber:blocked-past deleted",
        "PrivacyRequest:1 deleted",
        "AuditEvent:1 deleted",
        "VerificationToken:staff@example.org/expired-long-ago deleted",
        "Session:session-past deleted",
        "RateLimit:rl-past deleted",
      ].sort(),
    );
    expect(mailId("rejected_past@example.net")).toBeUndefined();
    expect(reconfirmMails).toHaveLength(2);
    expect(events).toHaveLength(3);
  });

  it("reports what it did as counts", () => {
    expect(first).toEqual({
      rejected: 2, withdrawn: 1, left: 1, waitingErase: 1, waitingReconfirm: 2, waitingReconfirmWithoutEmail: 1, erasureCompleted: 1,
      answeredMessages: 1, closedExpansionRequests: 2, blockedNumbers: 1, closedPrivacyRequests: 1, handledViolationReports: 0, auditEvents: 1, sentMail: 2, mailDrafts: 0, importFiles: 0,
      expiredSignInLinks: 1, expiredSessions: 1, expiredRateLimits: 1,
    });
    expect(renewals).toBeGreaterThan(0);
  });

  it("erases personal data but keeps the row for counts; name and number stay while someone is still in a group", async () => {
    for (const key of ["REJECTED_PAST", "WITHDRAWN_PAST", "LEFT_PAST", "WAITING_ERASE", "ERASED_REMOVED"]) {
      expect(await row(key), key).toMatchObject({ name: "", mobile: "", street: "", houseNumber: 0, postcode: "", email: null, notes: null, manageTokenHash: null });
    }
    expect((await row("LEFT_PAST")).anonymisedAt).toEqual(NOW);
    expect(await row("REJECTED_IN_GROUP")).toMatchObject({ name: "Persoon REJECTED_IN_GROUP", street: "", email: null, anonymisedAt: NOW, inGroup: true });
    expect(await row("ERASED_IN_GROUP")).toMatchObject({ name: "Persoon ERASED_IN_GROUP" });
    for (const key of ["REJECTED_INSIDE", "WITHDRAWN_INSIDE", "LEFT_INSIDE", "ADDED_OLD", "WAITING_RECONFIRMED", "WAITING_NOT_YET", "WAITING_ASKED"]) {
      expect((await row(key)).anonymisedAt, key).toBeNull();
    }
  });

  it("asks waiting residents once, by mail, with a fresh private link that replaces the old one", async () => {
    const asked = await row("WAITING_ASK");
    expect(asked.reconfirmAskedAt).toEqual(NOW);
    expect(asked.manageTokenHash).not.toBe(tokenHash("token-WAITING_ASK"));
    const [mail] = await service((tx) => tx.outboxMail.findMany({ where: { applicationId: asked.id } }));
    expect(mail).toMatchObject({ to: "waiting_ask@example.net", template: "reconfirm", status: "PENDING", subject: "Do you still want to wait for a neighbourhood watch group?" });
    const token = new RegExp(`${cfg.APP_URL}/manage/([A-Za-z0-9_-]+)`).exec(mail!.text)?.[1];
    expect(token && tokenHash(token)).toBe(asked.manageTokenHash);
    // The erasure date in the mail: the waiting period's start plus the erase period.
    expect(mail!.text).toContain("erase your details on 15 June 2028.");
    const noEmail = await row("WAITING_NO_EMAIL");
    expect(noEmail).toMatchObject({ reconfirmAskedAt: NOW, manageTokenHash: tokenHash("token-WAITING_NO_EMAIL") });
    expect((await row("WAITING_ASK_AGAIN")).reconfirmAskedAt).toEqual(NOW);
  });

  it("changes nothing when run a second time", async () => {
    const second = await purge(db.prisma, { now: NOW, cfg, batchSize: 2 });
    expect(Object.values(second).every((count) => count === 0)).toBe(true);
    expect(diff(afterFirst, await snapshot(db.query))).toEqual([]);
  });

  it("runs once at a time as a job and records only counts", async () => {
    const result = await runExclusive(db.prisma, PURGE_JOB, (renew) => purge(db.prisma, { now: NOW, cfg, renew }));
    expect(result).not.toBeNull();
    const [run] = await db.query<{ result: Record<string, unknown> }>(`SELECT result FROM "JobRun" WHERE job = 'purge'`);
    expect(Object.values(run!.result).every((v) => typeof v === "number")).toBe(true);
    expect(Object.keys(run!.result).sort()).toEqual(Object.keys(first).sort());
  });
});
