// Data-subject requests: the register with its one-month deadlines, the access export (with who
// received the person's name and number), and erasure — after which no table anywhere holds the
// person's name, number, address or e-mail address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { exportApplications } from "@/lib/applications/export-applications";
import { listApplications } from "@/lib/applications/list-applications";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { randomToken, tokenHash } from "@/lib/crypto/keyed-hash";
import { ConflictError, DomainValidationError, NotFoundError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { buildAccessExport } from "@/lib/privacy/build-access-export";
import { closePrivacyRequest } from "@/lib/privacy/close-privacy-request";
import { erasePrivacySubject } from "@/lib/privacy/erase-privacy-subject";
import { getPrivacyRequest } from "@/lib/privacy/get-privacy-request";
import { listPrivacyDeadlines, listPrivacyRequests } from "@/lib/privacy/list-privacy-requests";
import { applicationIdForToken } from "@/lib/applications/own-application";
import { localDay, privacyDueAt } from "@/lib/privacy/privacy-deadline";
import { reconfirmFromLink } from "@/lib/privacy/reconfirm-waiting";
import { recordPrivacyRequest } from "@/lib/privacy/record-privacy-request";
import { TooManyRequestsError } from "@/lib/errors";
import { requestPrivacyFromLink } from "@/lib/privacy/request-privacy-from-link";
import { wholeDatabaseText } from "../helpers/database-snapshot";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
const PERSON = {
  name: "Zorba Quenneville",
  mobile: "+31699887766",
  street: "Quennevillepad",
  houseNumber: 42,
  postcode: "6953QZ",
  email: "zorba.quenneville@example.net",
};
let personId: number;

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  personId = await s.service(async (tx) => {
    const { id } = await tx.application.create({
      data: { ...PERSON, status: "ASSIGNED", subareaId: contact1.subareaIds[0]!, rulesVersion: "2026-1", rulesAcceptedAt: new Date(), notes: "Belt liever na 18 uur" },
      select: { id: true },
    });
    await tx.applicationEvent.create({ data: { applicationId: id, actorKind: "RESIDENT", type: "CREATED", toStatus: "NEW" } });
    await enqueueMail(tx, { to: PERSON.email, applicationId: id, template: "signIn", subject: "Bevestig je aanmelding", text: `Beste ${PERSON.name}, je adres ${PERSON.street} ${PERSON.houseNumber}` });
    await enqueueMail(tx, { to: PERSON.email.toUpperCase(), template: "signIn", subject: "Antwoord op je vraag", text: "Ja, dat kan." });
    await tx.message.create({ data: { name: PERSON.name, replyTo: PERSON.email, body: `Ik woon op ${PERSON.street} ${PERSON.houseNumber}, ${PERSON.postcode}` } });
    await tx.expansionRequest.create({ data: { name: PERSON.name, mobile: PERSON.mobile, email: "other@example.net", streets: PERSON.street } });
    return id;
  });
  // A contact person sees the person's name and number; a coordinator exports the inbox.
  await listApplications(contact1, applicationQuerySchema.parse({ q: "Quenneville" }));
  await exportApplications(s.coordinator, applicationQuerySchema.parse({}));
});
afterAll(() => s.db.drop());

describe("the register of privacy requests", () => {
  it("records a request with a deadline one month after receipt", async () => {
    const now = new Date("2027-01-31T15:00:00Z");
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "OBJECTION", receivedOn: "2027-01-31" }, now);
    const request = await getPrivacyRequest(s.coordinator, id);
    expect(request).toMatchObject({ type: "OBJECTION", status: "OPEN", origin: "STAFF", receivedAt: now, application: null });
    expect(request.dueAt).toEqual(new Date("2027-02-28T12:00:00Z"));
        const earlier = await recordPrivacyRequest(s.coordinator, { type: "ACCESS", receivedOn: "2027-01-10", applicationId: personId }, now);
    expect((await getPrivacyRequest(s.coordinator, earlier.id)).dueAt).toEqual(new Date("2027-02-10T12:00:00Z"));
  });

  it("refuses a date in the future and an unknown application, field by field", async () => {
    const now = new Date();
    const tomorrow = localDay(new Date(now.getTime() + 2 * 86_400_000));
    await expect(recordPrivacyRequest(s.coordinator, { type: "ACCESS", receivedOn: tomorrow }, now)).rejects.toEqual(new DomainValidationError({ receivedOn: "future" }));
    await expect(recordPrivacyRequest(s.coordinator, { type: "ACCESS", receivedOn: localDay(now), applicationId: 999_999 }, now)).rejects.toEqual(
      new DomainValidationError({ applicationId: "unknown" }),
    );
  });

  it("lists open requests by deadline, and shows those due within a week on the dashboard", async () => {
    const now = new Date("2027-02-05T12:00:00Z");
    const open = await listPrivacyRequests(s.coordinator, { view: "open", page: 1 });
    expect(open.rows.map((r) => r.dueAt.getTime())).toEqual([...open.rows.map((r) => r.dueAt.getTime())].sort((a, b) => a - b));
    const near = await listPrivacyDeadlines(s.coordinator, now);
    expect(near.rows.map((r) => r.type)).toEqual(["ACCESS"]);
    expect(near).toMatchObject({ total: 1, open: open.total });
    await expect(listPrivacyRequests(contact1, { view: "open", page: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPrivacyDeadlines(contact1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("closes a request once", async () => {
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "RECTIFICATION", receivedOn: localDay(new Date()) });
    await closePrivacyRequest(s.coordinator, { id, outcome: "DONE" });
    expect(await getPrivacyRequest(s.coordinator, id)).toMatchObject({ status: "DONE", handledByName: s.coordinator.name });
    await expect(closePrivacyRequest(s.coordinator, { id, outcome: "REFUSED" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("requests from the resident's private link", () => {
  it("resolve the token, land in the register once per kind, and are rate limited", async () => {
    const token = randomToken();
    const id = await s.service(async (tx) => {
      const row = await tx.application.findFirstOrThrow({ where: { status: "NEW", anonymisedAt: null }, select: { id: true } });
      await tx.application.update({ where: { id: row.id }, data: { manageTokenHash: tokenHash(token) }, select: { id: true } });
      return row.id;
    });
    expect(await applicationIdForToken(token)).toBe(id);
    expect(await applicationIdForToken(randomToken())).toBeNull();
    expect(await applicationIdForToken("short")).toBeNull();
    const now = new Date("2027-03-01T10:00:00Z");
    expect(await requestPrivacyFromLink({ token, type: "ERASURE", note: "Ik verhuis" }, "10.0.0.1", now)).toEqual({ dueAt: new Date("2027-04-01T12:00:00Z"), alreadyOpen: false });
    expect(await requestPrivacyFromLink({ token, type: "ERASURE" }, "10.0.0.1", now)).toEqual({ dueAt: new Date("2027-04-01T12:00:00Z"), alreadyOpen: true });
    const stored = await s.service((tx) => tx.privacyRequest.findMany({ where: { applicationId: id } }));
    expect(stored).toMatchObject([{ type: "ERASURE", origin: "RESIDENT", status: "OPEN", note: "Ik verhuis" }]);
    await expect(requestPrivacyFromLink({ token: randomToken(), type: "ACCESS" }, "10.0.0.2", now)).rejects.toBeInstanceOf(NotFoundError);
    for (let i = 0; i < 10; i++) await requestPrivacyFromLink({ token, type: "ACCESS" }, "10.0.0.3", now);
    await expect(requestPrivacyFromLink({ token, type: "ACCESS" }, "10.0.0.3", now)).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it("let a waiting resident confirm, which restarts the waiting clock; others cannot", async () => {
    const token = randomToken();
    const other = randomToken();
    const [waiting, added] = await s.service(async (tx) => {
      const w = await tx.application.findFirstOrThrow({ where: { status: "WAITING" }, select: { id: true } });
      const a = await tx.application.findFirstOrThrow({ where: { status: "ADDED" }, select: { id: true } });
      await tx.application.update({ where: { id: w.id }, data: { manageTokenHash: tokenHash(token) }, select: { id: true } });
      await tx.application.update({ where: { id: a.id }, data: { manageTokenHash: tokenHash(other) }, select: { id: true } });
      return [w.id, a.id];
    });
    const now = new Date("2027-03-02T09:00:00Z");
    await reconfirmFromLink(token, "10.0.1.1", now);
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: waiting }, select: { reconfirmedAt: true } }))).toEqual({ reconfirmedAt: now });
    await expect(reconfirmFromLink(other, "10.0.1.1", now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: added }, select: { reconfirmedAt: true } }))).toEqual({ reconfirmedAt: null });
  });
});

describe("an access request", () => {
  it("exports everything held about the person, with the contact persons who received the data", async () => {
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "ACCESS", receivedOn: localDay(new Date()), applicationId: personId });
    const data = await buildAccessExport(s.coordinator, id, "json");
    expect(data.application).toMatchObject({ ...PERSON, id: personId, notes: "Belt liever na 18 uur", status: "ASSIGNED" });
    expect(data.disclosures).toEqual([{ at: expect.any(Date), recipient: { name: contact1.name, role: "CONTACT_PERSON" }, channel: "list" }]);
    expect(data.exports).toEqual([{ at: expect.any(Date), by: { name: s.coordinator.name, role: "COORDINATOR" }, format: "csv", rows: expect.any(Number) }]);
    expect(data.mail.map((m) => m.subject).sort()).toEqual(["Antwoord op je vraag", "Bevestig je aanmelding"]);
    expect(data.messages).toMatchObject([{ name: PERSON.name, replyTo: PERSON.email }]);
    expect(data.expansionRequests).toMatchObject([{ mobile: PERSON.mobile }]);
    expect(data.privacyRequests.map((r) => r.type).sort()).toEqual(["ACCESS", "ACCESS"]);
    expect(data.history.map((h) => h.type)).toEqual(["CREATED"]);
    expect(data.blockedNumber).toBe(false);
    expect(data.violationReports).toEqual([]);
    // The columns come from the processing register; the ones it withholds (a hash, an id shown by name) are not in it.
    expect(data.application).not.toHaveProperty("manageTokenHash");
    expect(data.application).not.toHaveProperty("subareaId");
    // Producing it is itself on the record; staff are named, never their e-mail addresses.
    expect(JSON.stringify(data)).not.toContain(contact1.email);
    const audit = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "privacy.access_exported" } }));
    expect(audit).toMatchObject([{ subjectIds: [personId], targetId: String(id), actorId: s.coordinator.userId }]);
  });

  it("is refused for a request without an application, and for a contact person", async () => {
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "ACCESS", receivedOn: localDay(new Date()) });
    await expect(buildAccessExport(s.coordinator, id, "json")).rejects.toBeInstanceOf(DomainValidationError);
    await expect(buildAccessExport(contact1, id, "json")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("an erasure request", () => {
  const needles = () => [
    PERSON.name.toLowerCase(),
    "quenneville",
    PERSON.mobile,
    PERSON.mobile.slice(3),
    PERSON.street.toLowerCase(),
    PERSON.postcode.toLowerCase(),
    PERSON.email.toLowerCase(),
  ];

  it("leaves no trace of the person's name, number, address or e-mail in any table, only anonymous rows", async () => {
    await s.service((tx) =>
      tx.privacyRequest.create({
        data: { type: "RECTIFICATION", applicationId: personId, receivedAt: new Date(), dueAt: privacyDueAt(new Date()), note: `Nieuw adres: ${PERSON.street} 44` },
      }),
    );
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "ERASURE", receivedOn: localDay(new Date()), applicationId: personId });
    // Positive control: the search finds every needle before the erasure.
    const before = await wholeDatabaseText(s.db.query);
    expect(needles().filter((n) => !before.includes(n))).toEqual([]);
    const counts = await s.service(async (tx) => ({ applications: await tx.application.count(), events: await tx.applicationEvent.count({ where: { applicationId: personId } }) }));

    expect(await erasePrivacySubject(s.coordinator, id)).toEqual({ keptForRemoval: false });

    const after = await wholeDatabaseText(s.db.query);
    expect(needles().filter((n) => after.includes(n))).toEqual([]);
    expect(await s.service((tx) => tx.application.count())).toBe(counts.applications);
    const row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: personId } }));
    expect(row).toMatchObject({ status: "WITHDRAWN", name: "", mobile: "", email: null, notes: null, manageTokenHash: null });
    expect(await getPrivacyRequest(s.coordinator, id)).toMatchObject({ status: "DONE" });
    const [event] = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "privacy.erased" } }));
    expect(event).toMatchObject({ subjectIds: [personId], meta: { keptForRemoval: false, mail: 1, messages: 1, expansionRequests: 1 } });
    await expect(erasePrivacySubject(s.coordinator, id)).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps only name and number of someone in a group, who becomes a removal task for the contact person", async () => {
    const member = await s.service((tx) =>
      tx.application.findFirstOrThrow({ where: { status: "ADDED", inGroup: true, subareaId: { in: [...contact1.subareaIds] } }, select: { id: true, name: true, mobile: true } }),
    );
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "ERASURE", receivedOn: localDay(new Date()), applicationId: member.id });
    expect(await erasePrivacySubject(s.coordinator, id)).toEqual({ keptForRemoval: true });
    const seen = await listApplications(contact1, applicationQuerySchema.parse({ size: 100, status: "WITHDRAWN" }));
    expect(seen.rows.find((r) => r.id === member.id)).toEqual({ id: member.id, name: member.name, mobile: member.mobile, status: "WITHDRAWN" });
  });

  it("is refused for other kinds of request", async () => {
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "OBJECTION", receivedOn: localDay(new Date()), applicationId: personId });
    await expect(erasePrivacySubject(s.coordinator, id)).rejects.toBeInstanceOf(DomainValidationError);
    await expect(erasePrivacySubject(contact1, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
