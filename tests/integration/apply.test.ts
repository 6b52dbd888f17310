// The public intake and the resident's private page, against the data layer on a real database:
// address outcomes, duplicates and repeat attempts, blocked numbers, the confirmation mail in
// the same transaction, and corrections, withdrawal and erasure through the resident scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, residentDetailsSchema } from "@/lib/applications/apply.schema";
import {
  applicationIdForToken,
  confirmOwnEmail,
  correctOwnApplication,
  eraseOwnApplication,
  getOwnApplication,
  withdrawOwnApplication,
} from "@/lib/applications/own-application";
import { findPossibleDuplicates, mergeDuplicate } from "@/lib/applications/duplicates";
import { formatHouseNumber } from "@/lib/applications/parse-house-number";
import { submitApplication } from "@/lib/applications/submit-application";
import { RULES_VERSION } from "@/lib/applications/rules-version";
import { tokenHash } from "@/lib/crypto/keyed-hash";
import { inScope } from "@/lib/db/scope";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "@/lib/errors";
import { blockNumber } from "@/lib/privacy/blocked-numbers";
import { loadSubareaRules } from "@/lib/subareas/load-subarea-rules";
import { backoffMs, deliverOutbox } from "@/lib/mail/deliver-outbox";
import { smtpTransport } from "@/lib/mail/transport";
import { startMailCatcher } from "../helpers/mail-catcher";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let sub: Record<"north1" | "north2" | "south", number>;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 40 });
  const byName = await s.service((tx) => tx.subarea.findMany({ select: { id: true, name: true } }));
  const id = (prefix: string) => byName.find((x) => x.name.startsWith(prefix))!.id;
  sub = { north1: id("Deelgebied 1"), north2: id("Deelgebied 2"), south: id("Zuid") };
});
afterAll(() => s.db.drop());

let counter = 0;
/** A fresh mobile number outside the seed's range (+316 1…5…). */
const freshMobile = () => `06-8${String(1_000_000 + ++counter).slice(-7)}`;
const e164 = (mobile: string) => `+316${mobile.slice(3)}`;

function input(overrides: Record<string, string> = {}) {
  return applySchema.parse({
    name: "Anna de Vries",
    mobile: freshMobile(),
    street: "Kerkstraat",
    houseNumber: "12a",
    postcode: "6951 AB",
    email: "",
    acceptRules: "on",
    ...overrides,
  });
}

const apply = (overrides: Record<string, string> = {}) => submitApplication(input(overrides), { locale: "nl" });
const byMobile = (mobile: string) => s.service((tx) => tx.application.findMany({ where: { mobile: e164(mobile) }, include: { events: { orderBy: { id: "asc" } } } }));
const counts = () =>
  s.service(async (tx) => ({ applications: await tx.application.count(), outbox: await tx.outboxMail.count() }));
const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
const tokenFrom = (text: string) => /\/manage\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe("applying with the street as residents write it (decision 010)", () => {
  const applyAt = (street: string, houseNumber: string, postcode: string, options: { keepTyped?: boolean } = {}) => {
    const mobile = freshMobile();
    return { mobile, outcome: submitApplication(input({ mobile, street, houseNumber, postcode }), { locale: "nl", ...options }) };
  };

  it("gives abbreviations the result of the full spelling, stored with the neighbourhood's spelling", async () => {
    const full = applyAt("Admiraal Helfrichlaan", "11", "6952 AC");
    expect(await full.outcome).toEqual({ result: "received", mailed: false });
    const [expected] = await byMobile(full.mobile);
    for (const [street, houseNumber, postcode] of [["Adm. Helfrichlaan", "11", "6952 AC"], ["Adm Helfrichlaan", "11", "6952 AC"], ["Admiraal Helfrichln", "11", "6952 AC"], ["admiraal  helfrichlaan", "11", "6952AC"]] as const) {
      const typed = applyAt(street, houseNumber, postcode);
      expect(await typed.outcome).toEqual({ result: "received", mailed: false });
      const [row] = await byMobile(typed.mobile);
      expect(row).toMatchObject({ street: "Admiraal Helfrichlaan", suggestedSubareaId: expected!.suggestedSubareaId, matchedRuleId: expected!.matchedRuleId, status: "NEW", addressUnrecognised: false });
    }
    const kerk = applyAt("Kerkstr.", "20a", "6951 AB");
    expect(await kerk.outcome).toEqual({ result: "received", mailed: false });
    expect((await byMobile(kerk.mobile))[0]).toMatchObject({ street: "Kerkstraat", houseNumber: 20, houseLetter: "A", suggestedSubareaId: sub.north1 });
  });

  it("takes one typo when the postcode is known for that street, and asks when it is not, storing nothing", async () => {
    await applyAt("Kerkstraat", "3", "6951 AB").outcome; // 6951 AB is now known for the Kerkstraat
    const confirmed = applyAt("Kerkstaat", "5", "6951 AB");
    expect(await confirmed.outcome).toEqual({ result: "received", mailed: false });
    expect((await byMobile(confirmed.mobile))[0]).toMatchObject({ street: "Kerkstraat", suggestedSubareaId: sub.north1, addressUnrecognised: false });

    const before = await counts();
    const unsure = applyAt("Kerkstaat", "5", "6951 ZX");
    expect(await unsure.outcome).toEqual({ result: "uncertain", suggestion: "Kerkstraat" });
    expect(await counts()).toEqual(before);
  });

  it("stores a street it does not know at a postcode of the neighbourhood for a coordinator, marked, and refuses one outside", async () => {
    const kept = applyAt("Kerkstaat", "5", "6951 ZX", { keepTyped: true });
    expect(await kept.outcome).toEqual({ result: "received", mailed: false });
    expect((await byMobile(kept.mobile))[0]).toMatchObject({ street: "Kerkstaat", status: "NEW", suggestedSubareaId: null, matchedRuleId: null, addressUnrecognised: true });

    const unknown = applyAt("Onbekendelaan", "3", "6951 ZX");
    expect(await unknown.outcome).toEqual({ result: "received", mailed: false });
    expect((await byMobile(unknown.mobile))[0]).toMatchObject({ street: "Onbekendelaan", status: "NEW", suggestedSubareaId: null, addressUnrecognised: true });

    const before = await counts();
    expect(await applyAt("Dorpsstraat", "3", "1234 AB").outcome).toEqual({ result: "outside" });
    expect(await counts()).toEqual(before);
  });
});

describe("applying", () => {
  it("stores a covered address as NEW with the suggested subarea, the matched rule and the accepted rules version", async () => {
    const mobile = freshMobile();
    const before = await counts();
    expect(await apply({ mobile })).toEqual({ result: "received", mailed: false });
    const [row, ...others] = await byMobile(mobile);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      status: "NEW",
      suggestedSubareaId: sub.north1,
      subareaId: null,
      houseNumber: 12,
      houseLetter: "A",
      houseNumberSuffix: null,
      postcode: "6951AB",
      rulesVersion: RULES_VERSION,
      source: "WEB",
      email: null,
      manageTokenHash: null,
      locale: "nl",
    });
    expect(row!.matchedRuleId).not.toBeNull();
    expect(row!.rulesAcceptedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row!.events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    expect(await counts()).toEqual({ applications: before.applications + 1, outbox: before.outbox });
  });

  it("stores an address without a group yet as WAITING and says so", async () => {
    const mobile = freshMobile();
    expect(await apply({ mobile, street: "Zuiderlaan", houseNumber: "5", postcode: "6953AB" })).toEqual({ result: "waiting", mailed: false });
    expect((await byMobile(mobile))[0]).toMatchObject({ status: "WAITING", suggestedSubareaId: sub.south });
  });

  it("stores nothing for an address outside the area", async () => {
    const before = await counts();
    expect(await apply({ street: "Dorpsstraat", houseNumber: "1", postcode: "1234 AB", email: "buiten@example.org" })).toEqual({ result: "outside" });
    expect(await counts()).toEqual(before);
  });

  it("puts a confirmation mail with the private link in the outbox, and stores only the token's hash", async () => {
    const mobile = freshMobile();
    expect(await apply({ mobile, email: "Anna@Example.org" })).toEqual({ result: "received", mailed: true });
    const [row] = await byMobile(mobile);
    const [mail] = await s.service((tx) => tx.outboxMail.findMany({ where: { applicationId: row!.id } }));
    expect(mail).toMatchObject({ to: "anna@example.org", template: "applicationReceived", status: "PENDING" });
    const token = tokenFrom(mail!.text);
    expect(row!.manageTokenHash).toBe(tokenHash(token));
    expect(json(row)).not.toContain(token);
    expect(await applicationIdForToken(token)).toBe(row!.id);
  });

  it("writes the application and its mail in one transaction: when the mail cannot be stored, neither is", async () => {
    const mobile = freshMobile();
    const before = await counts();
    await s.db.query(`CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$`);
    await s.db.query(`CREATE TRIGGER refuse_mail BEFORE INSERT ON "OutboxMail" FOR EACH ROW EXECUTE FUNCTION refuse_mail()`);
    try {
      await expect(apply({ mobile, email: "atomic@example.org" })).rejects.toThrow(/outbox refused/);
    } finally {
      await s.db.query(`DROP TRIGGER refuse_mail ON "OutboxMail"`);
      await s.db.query(`DROP FUNCTION refuse_mail()`);
    }
    expect(await counts()).toEqual(before);
    expect(await byMobile(mobile)).toEqual([]);
  });

  it("counts a repeat attempt of a number with an active application, in any format; without an e-mail address no second record and no mail", async () => {
    const mobile = freshMobile();
    await apply({ mobile, email: "first@example.org" });
    const before = await counts();
    const international = `+31 6 ${mobile.slice(3)}`;
    // Without an e-mail address: nothing stored, nothing mailed, as for a new number without one.
    expect(await apply({ mobile: international, street: "Zuiderlaan", houseNumber: "3", postcode: "6953AB" })).toEqual({ result: "waiting", mailed: false });
    expect(await apply({ mobile: `0031${mobile.slice(1).replace("-", "")}` })).toEqual({ result: "received", mailed: false });
    expect(await counts()).toEqual(before);
    const [row, ...others] = await byMobile(mobile);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ repeatAttempts: 2, status: "NEW", street: "Kerkstraat", email: "first@example.org" });
    expect(row!.lastRepeatAt).not.toBeNull();
    expect(row!.events.map((e) => e.type)).toEqual(["SUBMITTED", "REPEAT_ATTEMPT", "REPEAT_ATTEMPT"]);
    const audit = await s.service((tx) => tx.auditEvent.count({ where: { action: "application.repeat_attempt", targetId: String(row!.id) } }));
    expect(audit).toBe(2);
  });

  it("answers and mails a known number exactly as a new one when an e-mail address is typed; each private link opens only its own data", async () => {
    const known = freshMobile();
    await apply({ mobile: known, name: "Eerste Bewoner", email: "eerste@example.org" });
    const [existing] = await byMobile(known);
    await s.service((tx) => tx.application.update({ where: { id: existing!.id }, data: { status: "ASSIGNED", subareaId: sub.north1 }, select: { id: true } }));
    const existingBefore = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: existing!.id } }));

    const fresh = freshMobile();
    const outcomes = [
      await apply({ mobile: fresh, name: "Nieuwe Bewoner", email: "nieuw-nummer@example.org" }),
      await apply({ mobile: `+31 6 ${known.slice(3)}`, name: "Tweede Bewoner", email: "bekend-nummer@example.org" }),
    ];
    // The same answer, as the page shows it.
    expect(outcomes).toEqual([{ result: "received", mailed: true }, { result: "received", mailed: true }]);

    const [newRow] = await byMobile(fresh);
    const secondRow = (await byMobile(known)).find((r) => r.id !== existing!.id)!;
    const mails = await s.service((tx) => tx.outboxMail.findMany({ where: { applicationId: { in: [newRow!.id, secondRow.id] } }, orderBy: { id: "asc" } }));
    expect(mails.map((m) => [m.applicationId, m.to])).toEqual([[newRow!.id, "nieuw-nummer@example.org"], [secondRow.id, "bekend-nummer@example.org"]]);
    // The same mail: template, subject, text and HTML alike except the link's token.
    const shape = (m: (typeof mails)[number]) => {
      const token = tokenFrom(m.text);
      return { template: m.template, subject: m.subject, status: m.status, text: m.text.replaceAll(token, "TOKEN"), html: m.html?.replaceAll(token, "TOKEN") };
    };
    expect(shape(mails[1]!)).toEqual(shape(mails[0]!));
    expect(mails[0]!.template).toBe("applicationReceived");

    // Both rows were stored the same way; each link opens its own application with what was typed there.
    expect(secondRow).toMatchObject({ status: "NEW", name: "Tweede Bewoner", email: "bekend-nummer@example.org", source: "WEB", repeatAttempts: 0 });
    expect(newRow).toMatchObject({ status: "NEW", name: "Nieuwe Bewoner", email: "nieuw-nummer@example.org", source: "WEB" });
    for (const [row, mail, name] of [[newRow!, mails[0]!, "Nieuwe Bewoner"], [secondRow, mails[1]!, "Tweede Bewoner"]] as const) {
      const id = await applicationIdForToken(tokenFrom(mail.text));
      expect(id).toBe(row.id);
      const own = await getOwnApplication(id!);
      expect(own).toMatchObject({ id: row.id, name, email: mail.to, status: "NEW" });
      expect(json(own)).not.toContain("Eerste Bewoner");
      expect(json(own)).not.toContain("eerste@example.org");
    }
    // The resident scope of the second application does not reach the existing one.
    const seen = await inScope(s.db.prisma, { role: "resident", applicationId: secondRow.id }, (tx) => tx.application.findMany({ where: { mobile: e164(known) }, select: { id: true } }));
    expect(seen).toEqual([{ id: secondRow.id }]);

    // The existing application is untouched but for the repeat attempt, which the coordinator sees; the new one is marked.
    const existingAfter = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: existing!.id } }));
    const { repeatAttempts, lastRepeatAt, updatedAt, ...rest } = existingAfter;
    const { repeatAttempts: r0, lastRepeatAt: l0, updatedAt: u0, ...restBefore } = existingBefore;
    expect(rest).toEqual(restBefore);
    expect([r0, l0, repeatAttempts]).toEqual([0, null, 1]);
    expect(lastRepeatAt).not.toBeNull();
    expect(updatedAt >= u0).toBe(true);
    expect(secondRow.events.map((e) => e.type)).toEqual(["SUBMITTED", "DUPLICATE_NUMBER"]);
    expect((await findPossibleDuplicates(s.coordinator, secondRow.id)).map((d) => d.id)).toContain(existing!.id);
  });

  it("a merge takes a duplicate's e-mail address onto the original only when its owner confirmed it", async () => {
    const pair = async () => {
      const mobile = freshMobile();
      await apply({ mobile });
      await apply({ mobile, name: "Iemand Anders", email: `vreemd-${counter}@example.org` });
      const [original, dup] = await byMobile(mobile);
      expect(original!.email).toBeNull();
      return { original: original!, dup: dup! };
    };
    const unconfirmed = await pair();
    await mergeDuplicate(s.coordinator, { id: unconfirmed.dup.id, version: unconfirmed.dup.version, originalId: unconfirmed.original.id });
    const kept = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: unconfirmed.original.id } }));
    expect(kept).toMatchObject({ email: null, emailConfirmedAt: null, version: unconfirmed.original.version });

    const confirmed = await pair();
    await confirmOwnEmail(confirmed.dup.id);
    const dup = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: confirmed.dup.id } }));
    await mergeDuplicate(s.coordinator, { id: dup.id, version: dup.version, originalId: confirmed.original.id });
    const merged = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: confirmed.original.id } }));
    expect(merged).toMatchObject({ email: dup.email, emailConfirmedAt: dup.emailConfirmedAt });
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: dup.id } }))).toMatchObject({ status: "REJECTED", rejectionReason: "DUPLICATE", duplicateOfId: confirmed.original.id });
  });

  it("lets someone whose earlier application was withdrawn apply again", async () => {
    const mobile = freshMobile();
    await apply({ mobile });
    const [first] = await byMobile(mobile);
    await s.service((tx) => tx.application.update({ where: { id: first!.id }, data: { status: "WITHDRAWN" }, select: { id: true } }));
    expect(await apply({ mobile })).toEqual({ result: "received", mailed: false });
    expect((await byMobile(mobile)).map((r) => r.status).sort()).toEqual(["NEW", "WITHDRAWN"]);
  });

  it("keeps two simultaneous applications of one number to one record", async () => {
    const mobile = freshMobile();
    await Promise.all([apply({ mobile }), apply({ mobile }), apply({ mobile })]);
    const rows = await byMobile(mobile);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.repeatAttempts).toBe(2);
  });

  it("stores an application from a blocked number but flags it for the coordinator", async () => {
    const mobile = freshMobile();
    await s.service((tx) => blockNumber(tx, e164(mobile)));
    expect(await apply({ mobile })).toEqual({ result: "received", mailed: false });
    const [row] = await byMobile(mobile);
    expect(row!.status).toBe("NEW");
    expect(row!.events.map((e) => e.type)).toEqual(["SUBMITTED", "BLOCKED_NUMBER"]);
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "application.submitted", targetId: String(row!.id) } }));
    expect(audit.meta).toMatchObject({ blockedNumber: true });
    expect(json(audit)).not.toContain(e164(mobile));
  });

  it("reads the address rules with their subareas in one statement, as Prisma's relation query gives them", async () => {
    const viaRelation = await s.service((tx) =>
      tx.addressRule.findMany({
        where: { subarea: { status: { in: ["ACTIVE", "PROPOSED"] } } },
        select: { id: true, subareaId: true, street: true, postcodeFrom: true, postcodeTo: true, houseNumberFrom: true, houseNumberTo: true, parity: true, subarea: { select: { status: true, name: true } } },
        orderBy: { id: "asc" },
      }),
    );
    expect(viaRelation.length).toBeGreaterThan(3);
    expect(viaRelation.some((r) => r.houseNumberFrom !== null)).toBe(true);
    expect(await s.service((tx) => loadSubareaRules(tx))).toEqual(viaRelation.map(({ subarea, ...rule }) => ({ ...rule, subareaStatus: subarea.status, subareaName: subarea.name })));
  });
});

/** Applies with an e-mail address and returns the id and the private link's token. */
async function applyWithLink(overrides: Record<string, string> = {}) {
  const mobile = freshMobile();
  await apply({ mobile, email: `r${counter}@example.org`, ...overrides });
  const [row] = await byMobile(mobile);
  const mail = await s.service((tx) => tx.outboxMail.findFirstOrThrow({ where: { applicationId: row!.id } }));
  return { id: row!.id, token: tokenFrom(mail.text), mobile };
}

const details = (overrides: Record<string, string> = {}) =>
  residentDetailsSchema.parse({ name: "Anna de Vries", mobile: "06-81234567", street: "Kerkstraat", houseNumber: "12a", postcode: "6951AB", email: "", ...overrides });

describe("confirmation mail while the mail server is down", () => {
  it("accepts and stores the applications, and delivers every mail exactly once when the server is back", async () => {
    const smtp = await startMailCatcher();
    try {
      const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "test@example.org");
      const recipients = [1, 2, 3].map((n) => `down-${n}-${Date.now()}@example.org`);
      smtp.refuse(true);
      for (const email of recipients) expect(await apply({ email })).toEqual({ result: "received", mailed: true });
      let now = new Date();
      const clock = () => now;
      const first = await deliverOutbox(s.db.prisma, transport, { now: clock, batchSize: 500 });
      expect(first.sent).toBe(0);
      expect(first.retrying).toBeGreaterThanOrEqual(3);
      smtp.refuse(false);
      now = new Date(now.getTime() + backoffMs(1) + 1000);
      await deliverOutbox(s.db.prisma, transport, { now: clock, batchSize: 500 });
      now = new Date(now.getTime() + 3_600_000);
      await deliverOutbox(s.db.prisma, transport, { now: clock, batchSize: 500 });
      for (const email of recipients) expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });
});

describe("the private page", () => {
  it("shows the resident their own data and nothing internal", async () => {
    const { id } = await applyWithLink();
    await s.service((tx) => tx.application.update({ where: { id }, data: { notes: "Intern: belde twee keer" }, select: { id: true } }));
    const own = await getOwnApplication(id);
    expect(Object.keys(own).sort()).toEqual(
      ["createdAt", "email", "emailConfirmedAt", "houseLetter", "houseNumber", "houseNumberSuffix", "id", "inGroup", "locale", "memberCheckAskedAt", "memberConfirmedAt", "mobile", "name", "postcode", "reconfirmAskedAt", "rulesAcceptedAt", "rulesVersion", "status", "statusChangedAt", "street", "subarea", "version"].sort(),
    );
    expect(JSON.stringify(own)).not.toContain("Intern");
    // Column grants hold even if the code asked for the notes.
    await expect(inScope(s.db.prisma, { role: "resident", applicationId: id }, (tx) => tx.application.findFirst({ where: { id }, select: { notes: true } }))).rejects.toThrow();
  });

  it("confirms the e-mail address once", async () => {
    const { id } = await applyWithLink();
    await confirmOwnEmail(id);
    const confirmed = (await getOwnApplication(id)).emailConfirmedAt;
    expect(confirmed).not.toBeNull();
    await confirmOwnEmail(id);
    expect((await getOwnApplication(id)).emailConfirmedAt).toEqual(confirmed);
  });

  it.each([
    ["12-2", 12, null, "2"],
    ["12A-2", 12, "A", "2"],
    ["12 A 2", 12, "A", "2"],
    ["12 bis", 12, null, "BIS"],
    ["12 1e etage", 12, null, "1"],
  ] as const)("keeps %s as number, letter and addition when the correction form is saved unchanged", async (typed, n, letter, addition) => {
    const { id, mobile } = await applyWithLink({ houseNumber: typed });
    const own = await getOwnApplication(id);
    expect(own).toMatchObject({ houseNumber: n, houseLetter: letter, houseNumberSuffix: addition });
    // The form shows the number as formatHouseNumber writes it; saving that unchanged changes nothing.
    const prefill = formatHouseNumber(own);
    expect(prefill).not.toMatch(/^\d+$/);
    const saved = await correctOwnApplication(id, details({ mobile, email: own.email!, houseNumber: prefill }), own.version);
    expect(saved.changed).toEqual([]);
    expect(await getOwnApplication(id)).toMatchObject({ houseNumber: n, houseLetter: letter, houseNumberSuffix: addition, version: own.version });
  });

  it("corrects details, matches the new address again and moves between NEW and WAITING", async () => {
    const { id, mobile } = await applyWithLink();
    const own = await getOwnApplication(id);
    const moved = await correctOwnApplication(id, details({ mobile, email: own.email!, street: "Lindelaan", houseNumber: "4", postcode: "6951BA" }), own.version);
    expect(moved).toEqual({ newToken: null, changed: ["street", "houseNumber", "houseLetter", "postcode"] });
    let row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ status: "NEW", suggestedSubareaId: sub.north2, street: "Lindelaan", houseNumber: 4, houseLetter: null, houseNumberSuffix: null, version: 2 });

    await correctOwnApplication(id, details({ mobile, email: own.email!, street: "Zuiderlaan", houseNumber: "8", postcode: "6953AB" }), 2);
    row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } }));
    expect(row).toMatchObject({ status: "WAITING", suggestedSubareaId: sub.south, version: 3 });
    expect((row as unknown as { events: { type: string; fromStatus: string | null; toStatus: string | null }[] }).events.at(-1)).toMatchObject({ type: "CORRECTED", fromStatus: "NEW", toStatus: "WAITING" });
  });

  it("refuses an address outside the area and a stale version, changing nothing", async () => {
    const { id, mobile } = await applyWithLink();
    const own = await getOwnApplication(id);
    await expect(correctOwnApplication(id, details({ mobile, street: "Dorpsstraat", houseNumber: "1", postcode: "1234AB" }), own.version)).rejects.toBeInstanceOf(DomainValidationError);
    await expect(correctOwnApplication(id, details({ mobile, name: "Anna Jansen", email: own.email! }), own.version + 5)).rejects.toBeInstanceOf(ConflictError);
    expect(await getOwnApplication(id)).toEqual(own);
  });

  it("gives a new e-mail address a new private link, mailed there; the old link stops working", async () => {
    const { id, token, mobile } = await applyWithLink();
    await confirmOwnEmail(id);
    const own = await getOwnApplication(id);
    const result = await correctOwnApplication(id, details({ mobile, email: "nieuw@example.org" }), own.version);
    expect(result.newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await applicationIdForToken(token)).toBeNull();
    expect(await applicationIdForToken(result.newToken!)).toBe(id);
    const mail = await s.service((tx) => tx.outboxMail.findFirstOrThrow({ where: { applicationId: id, to: "nieuw@example.org" } }));
    expect(mail.template).toBe("manageLink");
    expect(tokenFrom(mail.text)).toBe(result.newToken);
    expect((await getOwnApplication(id)).emailConfirmedAt).toBeNull();
  });

  it("flags a corrected number that is blocked", async () => {
    const { id } = await applyWithLink();
    const other = freshMobile();
    await s.service((tx) => blockNumber(tx, e164(other)));
    const own = await getOwnApplication(id);
    await correctOwnApplication(id, details({ mobile: other, email: own.email! }), own.version);
    const events = await s.service((tx) => tx.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } }));
    expect(events.map((e) => e.type)).toEqual(["SUBMITTED", "CORRECTED", "BLOCKED_NUMBER"]);
  });

  it("refuses to move an active application onto a number another active application has (apply's rule)", async () => {
    const { id, mobile } = await applyWithLink();
    const other = freshMobile();
    await apply({ mobile: other });
    const [theirs] = await byMobile(other);
    await s.service((tx) => tx.application.update({ where: { id: theirs!.id }, data: { status: "ASSIGNED", subareaId: sub.north1 }, select: { id: true } }));
    await s.service((tx) => tx.application.update({ where: { id }, data: { status: "ASSIGNED", subareaId: sub.north1 }, select: { id: true } }));
    const own = await getOwnApplication(id);
    const refused = await correctOwnApplication(id, details({ mobile: other, email: own.email! }), own.version).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainValidationError);
    expect((refused as DomainValidationError).fieldErrors).toEqual({ mobile: "duplicateNumber" });
    expect(await byMobile(other)).toHaveLength(1);
    expect((await getOwnApplication(id)).mobile).toBe(e164(mobile));
  });

  it("lets a second application that apply stored on a known number correct itself there; moving onto an active number stays refused", async () => {
    const { id: firstId, mobile } = await applyWithLink();
    await apply({ mobile, name: "Tweede Bewoner", email: `tweede-${counter}@example.org` });
    const second = (await byMobile(mobile)).find((r) => r.id !== firstId)!;
    const own = await getOwnApplication(second.id);
    expect(await correctOwnApplication(second.id, details({ mobile, name: "Tweede B. Bewoner", email: own.email! }), own.version)).toMatchObject({ changed: ["name"] });
    // Moving the first application onto a number that has an active application is still refused.
    const other = freshMobile();
    await apply({ mobile: other });
    const first = await getOwnApplication(firstId);
    const refused = await correctOwnApplication(firstId, details({ mobile: other, email: first.email! }), first.version).catch((error: unknown) => error);
    expect((refused as DomainValidationError).fieldErrors).toEqual({ mobile: "duplicateNumber" });
  });

  it("withdraws; someone already in the group stays a removal task for the contact person", async () => {
    const { id } = await applyWithLink();
    await s.service((tx) => tx.application.update({ where: { id }, data: { status: "ADDED", subareaId: sub.north1, inGroup: true }, select: { id: true } }));
    await withdrawOwnApplication(id);
    const row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ status: "WITHDRAWN", inGroup: true });
    const contact = await s.contact(1);
    const seen = await inScope(s.db.prisma, { role: "contact", userId: contact.userId, subareaIds: [sub.north1] }, (tx) =>
      tx.application.findMany({ where: { id }, select: { id: true, name: true, status: true } }),
    );
    expect(seen).toEqual([{ id, name: row.name, status: "WITHDRAWN" }]);
    // Withdrawing twice changes nothing (no row, history or mail written); a corrected application can no longer be withdrawn from REJECTED.
    const once = await s.service(async (tx) => ({
      row: await tx.application.findUniqueOrThrow({ where: { id } }),
      events: await tx.applicationEvent.count({ where: { applicationId: id } }),
      mail: await tx.outboxMail.count({ where: { applicationId: id } }),
    }));
    await withdrawOwnApplication(id);
    const twice = await s.service(async (tx) => ({
      row: await tx.application.findUniqueOrThrow({ where: { id } }),
      events: await tx.applicationEvent.count({ where: { applicationId: id } }),
      mail: await tx.outboxMail.count({ where: { applicationId: id } }),
    }));
    expect(once.events).toBeGreaterThan(0);
    expect(twice).toEqual(once);
    const rejected = await applyWithLink();
    await s.service((tx) => tx.application.update({ where: { id: rejected.id }, data: { status: "REJECTED" }, select: { id: true } }));
    await expect(withdrawOwnApplication(rejected.id)).rejects.toBeInstanceOf(TransitionError);
  });

  it("erases at once: personal data and mail gone, the anonymous row kept, the link dead", async () => {
    const { id, token, mobile } = await applyWithLink();
    const before = await counts();
    expect(await eraseOwnApplication(id)).toEqual({ keptForRemoval: false });
    const row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ name: "", mobile: "", street: "", postcode: "", email: null, manageTokenHash: null, status: "WITHDRAWN" });
    expect(row.anonymisedAt).not.toBeNull();
    expect(await s.service((tx) => tx.outboxMail.count({ where: { applicationId: id } }))).toBe(0);
    expect((await counts()).applications).toBe(before.applications);
    expect(await applicationIdForToken(token)).toBeNull();
    await expect(getOwnApplication(id)).rejects.toBeInstanceOf(NotFoundError);
    const dump = (await s.db.query<{ row: string }>(`SELECT row_to_json(a)::text AS row FROM "Application" a WHERE id = ${id}`))[0]!.row;
    expect(dump).not.toContain(e164(mobile));
    const audit = await s.service((tx) => tx.auditEvent.findMany({ where: { targetId: String(id) }, select: { action: true } }));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["application.submitted", "application.withdrawn", "application.erased"]));
  });

  it("keeps name and number of an erased resident who is in a group, for the removal", async () => {
    const { id, mobile } = await applyWithLink();
    await s.service((tx) => tx.application.update({ where: { id }, data: { status: "ADDED", subareaId: sub.north1, inGroup: true }, select: { id: true } }));
    expect(await eraseOwnApplication(id)).toEqual({ keptForRemoval: true });
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }))).toMatchObject({ mobile: e164(mobile), street: "", email: null, status: "WITHDRAWN", inGroup: true });
  });

  it("erases nothing of someone else under a number another application has: the link proves the e-mail address, not the number", async () => {
    const { id: ownerId, mobile } = await applyWithLink({ name: "Echte Eigenaar" });
    const offer = await s.service((tx) => tx.expansionRequest.create({ data: { name: "Echte Eigenaar", mobile: e164(mobile), email: "eigenaar@example.net", streets: "Zuiderlaan" }, select: { id: true } }));
    await apply({ mobile, name: "Iemand Anders", email: `anders-${counter}@example.org` });
    const stranger = (await byMobile(mobile)).find((r) => r.id !== ownerId)!;
    const owner = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: ownerId } }));
    await eraseOwnApplication(stranger.id);
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: stranger.id } }))).toMatchObject({ name: "", mobile: "", email: null });
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: ownerId } }))).toEqual(owner);
    expect(await s.service((tx) => tx.expansionRequest.count({ where: { id: offer.id } }))).toBe(1);
    // The owner's own erasure, the number now theirs alone, does reach the offer under it.
    await eraseOwnApplication(ownerId);
    expect(await s.service((tx) => tx.expansionRequest.count({ where: { id: offer.id } }))).toBe(0);
  });

  it("does not accept a malformed or unknown token", async () => {
    expect(await applicationIdForToken("short")).toBeNull();
    expect(await applicationIdForToken("' OR 1=1 --")).toBeNull();
    expect(await applicationIdForToken("A".repeat(43))).toBeNull();
  });
});
