// The coordinator console's data layer: edits with conflict detection, assignment, merging
// duplicates, subareas and rules, staff, the expansion pipeline, coverage and messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateApplication } from "@/lib/applications/update-application";
import { applicationEditSchema } from "@/lib/applications/application-edit.schema";
import { issueCodes } from "@/lib/http/form-input";
import nl from "@/lib/i18n/messages/nl";
import { formatHouseNumber } from "@/lib/applications/parse-house-number";
import { assignApplication } from "@/lib/applications/assign-application";
import { findPossibleDuplicates, mergeDuplicate } from "@/lib/applications/duplicates";
import { approveExpansionRequest, updateExpansionRequest } from "@/lib/expansion/manage-expansion";
import { getCoverage } from "@/lib/coverage/get-coverage";
import { markMessageAnswered, replyToMessage } from "@/lib/messages/manage-messages";
import { addRule, createSubarea, updateSubarea } from "@/lib/subareas/manage-subareas";
import { testAddress } from "@/lib/subareas/test-address";
import { inviteStaff, listStaff } from "@/lib/staff/manage-staff";
import { ConflictError, DomainValidationError, NotFoundError } from "@/lib/errors";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

const row = (id: number) => s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }));
// The detail page's form as the coordinator sends it, through the edit's schema (the shared field rules).
const form = (a: Awaited<ReturnType<typeof row>>, changes: Record<string, string> = {}) => ({
  id: String(a.id), version: String(a.version), name: a.name, mobile: a.mobile, street: a.street, houseNumber: formatHouseNumber(a),
  houseNumberSuffix: "", postcode: a.postcode, email: a.email ?? "", notes: a.notes ?? "", ...changes,
});
const edit = (a: Awaited<ReturnType<typeof row>>, changes: Record<string, string> = {}) => applicationEditSchema.parse(form(a, changes));

describe("editing an application", () => {
  it("saves a correction, normalises number and postcode, and writes history without values", async () => {
    const a = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "NEW" } }));
    const result = await updateApplication(s.coordinator, edit(a, { mobile: "06-87654321", postcode: "6951 ab", notes: "Belt liever na 18 uur" }));
    expect(result.changed.sort()).toEqual(["mobile", "notes", "postcode"].sort());
    expect(await row(a.id)).toMatchObject({ mobile: "+31687654321", postcode: "6951AB", version: a.version + 1 });
    const event = await s.service((tx) => tx.applicationEvent.findFirstOrThrow({ where: { applicationId: a.id, type: "EDITED" } }));
    expect(JSON.stringify(event.detail)).not.toContain("87654321");
  });

  it("refuses a landline, a bad postcode and a name with a web address with the staff pages' field codes", async () => {
    const a = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "NEW" }, orderBy: { id: "desc" } }));
    const parsed = applicationEditSchema.safeParse(form(a, { mobile: "026-3612345", postcode: "12345", name: "Jan www.example.com" }));
    expect(parsed.success).toBe(false);
    // Each field's code, in the staff pages' wording (`staff.fieldErrors`, as the detail page's form shows it).
    const words = nl.staff.fieldErrors as Record<string, string>;
    const staffWording = (error: Parameters<typeof issueCodes>[0]) => Object.fromEntries(Object.entries(issueCodes(error)).map(([field, code]) => [field, words[code]]));
    expect(staffWording(parsed.error!)).toEqual({ mobile: words.notMobile, postcode: words.invalidPostcode, name: words.link });
    expect(staffWording(applicationEditSchema.safeParse(form(a, { mobile: "12345", houseNumber: "a12" })).error!)).toEqual({ mobile: words.invalidMobile, houseNumber: words.invalidHouseNumber });
  });

  it("tells the second of two concurrent editors what the first changed", async () => {
    const a = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "ASSIGNED" } }));
    await updateApplication(s.coordinator, edit(a, { name: "Eerste Versie" }));
    const error = await updateApplication(s.coordinator, edit(a, { notes: "tweede" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changedFields).toEqual(["name"]);
    expect((await row(a.id)).notes).toBeNull();
  });

  it("is not found for a contact person", async () => {
    const a = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "ASSIGNED", subareaId: s.subareaIds[0] } }));
    await expect(updateApplication(await s.contact(1), edit(a))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("assigning and merging", () => {
  it("assigns with the version seen, and refuses a stale one", async () => {
    const a = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "NEW" }, orderBy: { id: "asc" }, skip: 3 }));
    await assignApplication(s.coordinator, { id: a.id, version: a.version, subareaId: s.subareaIds[1]! });
    expect(await row(a.id)).toMatchObject({ status: "ASSIGNED", subareaId: s.subareaIds[1] });
    await expect(assignApplication(s.coordinator, { id: a.id, version: a.version, subareaId: s.subareaIds[0]! })).rejects.toBeInstanceOf(ConflictError);
    await expect(assignApplication(s.coordinator, { id: a.id, version: a.version + 1, subareaId: s.subareaIds[4]! })).rejects.toBeInstanceOf(DomainValidationError);
  });

  it("finds a duplicate by number and merges it into the original, taking its confirmed e-mail address", async () => {
    const original = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "NEW", email: null }, orderBy: { id: "asc" } }));
    const dup = await s.service((tx) =>
      tx.application.create({
        data: { name: original.name, mobile: original.mobile, street: original.street, houseNumber: original.houseNumber, postcode: original.postcode, email: "dubbel@example.net", emailConfirmedAt: new Date(), rulesVersion: "x", rulesAcceptedAt: new Date() },
      }),
    );
    expect((await findPossibleDuplicates(s.coordinator, dup.id)).map((d) => d.id)).toContain(original.id);
    await mergeDuplicate(s.coordinator, { id: dup.id, version: dup.version, originalId: original.id });
    expect(await row(dup.id)).toMatchObject({ status: "REJECTED", rejectionReason: "DUPLICATE", duplicateOfId: original.id });
    expect((await row(original.id)).email).toBe("dubbel@example.net");
  });
});

describe("subareas and address rules", () => {
  it("creates a subarea, adds rules, and the tester finds an address in it", async () => {
    const { id } = await createSubarea(s.coordinator, { name: "Testwijk", description: null, status: "ACTIVE", inviteLink: null, memberCount: 0 });
    await addRule(s.coordinator, { subareaId: id, street: "Teststraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: 1, houseNumberTo: 20, parity: "EVEN" });
    expect((await testAddress(s.coordinator, { street: "teststraat", houseNumber: 12, postcode: "" })).rule?.subareaName).toBe("Testwijk");
    expect((await testAddress(s.coordinator, { street: "Teststr.", houseNumber: 12, postcode: "" })).outcome).toMatchObject({ kind: "covered", street: "Teststraat" });
    expect((await testAddress(s.coordinator, { street: "Testsraat", houseNumber: 12, postcode: "" })).outcome).toEqual({ kind: "uncertain", suggestion: "Teststraat" });
    expect((await testAddress(s.coordinator, { street: "Teststraat", houseNumber: 13, postcode: "" })).rule).toBeNull();
    await expect(createSubarea(s.coordinator, { name: "Testwijk", description: null, status: "ACTIVE", inviteLink: null, memberCount: 0 })).rejects.toBeInstanceOf(DomainValidationError);
    await expect(addRule(s.coordinator, { subareaId: id, street: null, postcodeFrom: "6953ZZ", postcodeTo: "6953AA", houseNumberFrom: null, houseNumberTo: null, parity: "ALL" })).rejects.toBeInstanceOf(DomainValidationError);
    const subarea = await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id } }));
    await updateSubarea(s.coordinator, { id, version: subarea.version, name: "Testwijk", description: null, status: "RETIRED", inviteLink: null, memberCount: 3 });
    expect((await testAddress(s.coordinator, { street: "Teststraat", houseNumber: 12, postcode: "" })).rule).toBeNull();
    await expect(updateSubarea(s.coordinator, { id, version: subarea.version, name: "Testwijk", description: null, status: "ACTIVE", inviteLink: null, memberCount: 3 })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("staff", () => {
  it("invites a contact person with subareas and mails the invitation through the outbox", async () => {
    await inviteStaff(s.coordinator, { email: "nieuw@example.org", name: "Nieuwe Contact", role: "CONTACT_PERSON", subareaIds: [s.subareaIds[0]!] });
    const staff = await listStaff(s.coordinator);
    expect(staff.find((u) => u.email === "nieuw@example.org")?.subareas.map((x) => x.subarea.id)).toEqual([s.subareaIds[0]]);
    expect(await s.service((tx) => tx.outboxMail.count({ where: { to: "nieuw@example.org", template: "staffInvite" } }))).toBe(1);
    await expect(inviteStaff(s.coordinator, { email: "nieuw@example.org", name: "X", role: "CONTACT_PERSON", subareaIds: [] })).rejects.toBeInstanceOf(DomainValidationError);
  });
});

describe("the expansion pipeline", () => {
  it("approving a volunteer activates the southern subarea, makes their account and moves exactly the waiting residents there", async () => {
    const south = s.subareaIds[4]!;
    const request = await s.service((tx) => tx.expansionRequest.findFirstOrThrow({ where: { status: "NEW" } }));
    await updateExpansionRequest(s.coordinator, { id: request.id, version: request.version, status: "IN_CONTACT", notes: "Gebeld" });
    const waitingSouth = await s.service((tx) => tx.application.findMany({ where: { status: "WAITING", suggestedSubareaId: south }, select: { id: true } }));
    const waitingElsewhere = await s.service((tx) => tx.application.count({ where: { status: "WAITING", NOT: { suggestedSubareaId: south } } }));
    expect(waitingSouth.length).toBeGreaterThan(0);

    const inviteLink = "https://chat.whatsapp.com/ZuidGroep123";
    const withEmail = await s.service((tx) => tx.application.findMany({ where: { id: { in: waitingSouth.map((w) => w.id) }, email: { not: null } }, select: { id: true, email: true, name: true, locale: true } }));
    expect(withEmail.length).toBeGreaterThan(0);
    const result = await approveExpansionRequest(s.coordinator, { id: request.id, version: request.version + 1, subareaId: south, newSubareaName: null, inviteLink, streets: [] });
    expect(result).toEqual({ subareaId: south, moved: waitingSouth.length, mailed: withEmail.length });
    expect((await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: south } }))).inviteLink).toBe(inviteLink);
    // Each moved resident with an e-mail address: one mail, in their language, tied to their application.
    const mails = await s.service((tx) => tx.outboxMail.findMany({ where: { template: "groupStarted" }, select: { to: true, subject: true, text: true, applicationId: true } }));
    expect(mails.map((m) => m.applicationId).sort()).toEqual(withEmail.map((a) => a.id).sort());
    for (const a of withEmail) {
      const mail = mails.find((m) => m.applicationId === a.id)!;
      expect(mail.to).toBe(a.email);
      expect(mail.text).toContain(a.name);
      expect(mail.subject).toBe(a.locale === "en" ? "There is now a neighbourhood watch group for your address" : "Er is nu een buurtpreventiegroep voor jouw adres");
    }
    // The audit event: ids and counts, no names or addresses.
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "expansion.approved", targetId: String(request.id) } }));
    expect(audit.meta).toEqual({ subareaId: south, moved: waitingSouth.length, mailed: withEmail.length, newAccount: true });
    const moved = await s.service((tx) => tx.application.findMany({ where: { id: { in: waitingSouth.map((w) => w.id) } }, select: { status: true, subareaId: true } }));
    expect(moved.every((m) => m.status === "ASSIGNED" && m.subareaId === south)).toBe(true);
    expect(await s.service((tx) => tx.application.count({ where: { status: "WAITING", NOT: { suggestedSubareaId: south } } }))).toBe(waitingElsewhere);
    expect((await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: south } }))).status).toBe("ACTIVE");
    const volunteer = await s.viewer(request.email);
    expect(volunteer).toMatchObject({ role: "CONTACT_PERSON", subareaIds: [south] });
    expect((await s.service((tx) => tx.expansionRequest.findUniqueOrThrow({ where: { id: request.id } }))).status).toBe("APPROVED");
    await expect(approveExpansionRequest(s.coordinator, { id: request.id, version: request.version + 2, subareaId: south, newSubareaName: null, inviteLink: "https://chat.whatsapp.com/ZuidGroep123", streets: [] })).rejects.toBeInstanceOf(DomainValidationError);
  });

  it("rolls everything back when a step fails", async () => {
    const request = await s.service((tx) => tx.expansionRequest.findFirstOrThrow({ where: { status: "IN_CONTACT" } }));
    await s.service((tx) => tx.user.create({ data: { email: request.email.toLowerCase(), role: "COORDINATOR", name: "Clash" }, select: { id: true } }));
    const before = await s.service((tx) => tx.subarea.count());
    await expect(approveExpansionRequest(s.coordinator, { id: request.id, version: request.version, subareaId: null, newSubareaName: "Nieuwe wijk", inviteLink: "https://chat.whatsapp.com/NieuweWijk1", streets: ["Esdoornstraat"] })).rejects.toBeInstanceOf(DomainValidationError);
    expect(await s.service((tx) => tx.subarea.count())).toBe(before);
    expect((await s.service((tx) => tx.expansionRequest.findUniqueOrThrow({ where: { id: request.id } }))).status).toBe("IN_CONTACT");
  });
});

describe("coverage and messages", () => {
  it("counts members against the limit and waiting residents per street", async () => {
    const coverage = await getCoverage(s.coordinator);
    expect(coverage.subareas.every((x) => x.limit === 1024)).toBe(true);
    const waiting = await s.service((tx) => tx.application.count({ where: { status: "WAITING" } }));
    expect(coverage.waitingTotal).toBe(waiting);
  });

  it("mails a reply through the outbox and marks the message answered", async () => {
    const open = await s.service((tx) => tx.message.findMany({ where: { status: "OPEN" }, orderBy: { id: "asc" } }));
    const withAddress = open.find((m) => m.replyTo)!;
    await replyToMessage(s.coordinator, { id: withAddress.id, reply: "Ja, dat kan: meld je partner apart aan." });
    expect(await s.service((tx) => tx.message.findUniqueOrThrow({ where: { id: withAddress.id } }))).toMatchObject({ status: "ANSWERED", reply: "Ja, dat kan: meld je partner apart aan." });
    const mail = await s.service((tx) => tx.outboxMail.findFirstOrThrow({ where: { template: "messageReply" } }));
    expect(mail).toMatchObject({ to: withAddress.replyTo, status: "PENDING" });
    expect(mail.text).toContain("meld je partner apart aan");
    const anonymous = open.find((m) => !m.replyTo)!;
    await expect(replyToMessage(s.coordinator, { id: anonymous.id, reply: "x" })).rejects.toBeInstanceOf(DomainValidationError);
    await markMessageAnswered(s.coordinator, anonymous.id);
    await expect(markMessageAnswered(s.coordinator, anonymous.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
