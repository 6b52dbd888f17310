// Mailbox intake: realistic Dutch (and one English) mails → draft → checked application, under
// the public form's rules; on the embedded database and on PostgreSQL.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { NotFoundError } from "@/lib/errors";
import { createMailDrafts, UnreadableMailError } from "@/lib/intake/create-mail-drafts";
import { extractApplicationFields, type ExtractedFields } from "@/lib/intake/extract-application-fields";
import { purge } from "@/lib/privacy/purge";
import { discardMailDraft, getMailDraft, listMailDrafts } from "@/lib/intake/mail-drafts";
import { looksLikeRawMail } from "@/lib/intake/read-mail";
import { saveMailDraft } from "@/lib/intake/save-mail-draft";
import { RULES_VERSION } from "@/lib/applications/rules-version";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/mail/${name}`);

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

const none: ExtractedFields = { name: null, mobile: null, street: null, houseNumber: null, houseNumberSuffix: null, postcode: null, email: null };

/** Each fixture, read and stored as a draft the way the upload does, and what the draft holds. */
const EXPECTED: Record<string, Partial<ExtractedFields>> = {
  // Labels on every line; the postcode line also holds the town.
  "plain-text.eml": { name: "Jan de Vries", mobile: "06 12345678", street: "Kerkstraat", houseNumber: "12", houseNumberSuffix: "a", postcode: "6951 AB", email: "jan.devries@example.net" },
  // Only an HTML part (quoted-printable); the display name is a street, so the name comes from under "Groetjes,".
  "html-only.eml": { name: "Sanne Visser", mobile: "06 23456789", street: "Beukenlaan", houseNumber: "7", postcode: "6951 AC", email: "bewoner.beukenlaan@example.org" },
  // Forwarded by the municipality: the resident's details, not the forwarder's (whose signature has a mobile too).
  "forwarded.eml": { name: "Fatima El Amrani", mobile: "06 34567890", street: "Eikenlaan", houseNumber: "3", postcode: "6951 AD", email: "fatima.elamrani@example.com" },
  // Quoted-printable with soft line breaks inside the number and accents in the name; "0031 6 …" and "45-2".
  "quoted-printable.eml": { name: "Zoë Müller", mobile: "06 56789012", street: "Stationsweg", houseNumber: "45", houseNumberSuffix: "2", postcode: "6951 BB", email: "zoe.muller@example.nl" },
  // The signature holds a landline and a work mobile: the mobile in the text wins.
  "signature.eml": { name: "Kees Bakker", mobile: "06 45678901", street: "Lindelaan", houseNumber: "8", postcode: "6951 BA", email: "kees.bakker@example.org" },
  // A reply above our own quoted question, whose signature has the mailbox's phone number.
  "reply-quoted.eml": { name: "Henk Mulder", mobile: "06 87654321", street: "Veluwelaan", houseNumber: "30", houseNumberSuffix: "B", postcode: "6952 BA", email: "henk.mulder@example.net" },
  // A web form's no-reply sender: the address is the Reply-To; English text, a foreign mobile.
  "reply-to-form.eml": { name: "Emma Johnson", mobile: "+44 7911 123456", street: "Parkweg", houseNumber: "21", postcode: "6952 AB", email: "emma.johnson@example.co.uk" },
  // A reply above Outlook's "Van:/Verzonden:" block: the quote's name, address and number are ours, never taken.
  "reply-outlook-header-block.eml": { name: "Lotte Visser", mobile: "06 22334455", street: "Lindelaan", houseNumber: "4", postcode: "6951 BA", email: "lotte.visser@example.net" },
  // Outlook on the web, HTML only: the quote follows div#divRplyFwdMsg.
  "reply-outlook-web-html.eml": { name: "Noah Smit", mobile: "06 27182818", street: "Parkweg", houseNumber: "3", postcode: "6952 AB", email: "noah.smit@example.net" },
  // multipart/alternative with only an HTML part (mailparser makes no text of it).
  "html-only-alternative.eml": { name: "Sanne Bakker", mobile: "06 23456789", street: "Lindelaan", houseNumber: "7", postcode: "6951 BA", email: "sanne.bakker@example.net" },
  // Forwarded as an attachment by a coordinator (a staff address, never the resident's).
  "forwarded-as-attachment.eml": { name: "Ahmed Yilmaz", mobile: "06 27778888", street: "Molenweg", houseNumber: "5", postcode: "6951 BC", email: "a.yilmaz@example.com" },
};

describe("extraction from received mails", () => {
  it.each(Object.entries(EXPECTED))("%s", async (file, expected) => {
    const [id] = await createMailDrafts(s.coordinator, [{ fileName: file, source: fixture(file) }]);
    const { id: _, fileName, mailText, createdAt: __, ...fields } = await getMailDraft(s.coordinator, id!);
    expect(fileName).toBe(file);
    expect(mailText.length).toBeGreaterThan(20);
    expect(fields).toStrictEqual({ ...none, ...expected });
  });

  it("lets a number in the resident's text win over a signature's, and a mobile over a landline", () => {
    const text = "Graag in de groep. Bel me op 06-45678901.\nKerkstraat 3, 6951 AB\n\n-- \nKees\nTel. 026-3334444\nWerk: 06-11112222";
    expect(extractApplicationFields(text).mobile).toBe("06 45678901");
    // No number in the text: the signature's mobile, not its landline.
    expect(extractApplicationFields("Graag in de groep.\n\nGroetjes,\nKees Bakker\nT 026-3334444\nM 06-11112222").mobile).toBe("06 11112222");
    // Two private mobiles: the one in the text beats the signature's, labelled or not.
    expect(extractApplicationFields("Bel me op 06-45678901.\n\nGroet,\nKees Bakker\nMobiel: 06-11112222").mobile).toBe("06 45678901");
    // Within the text, a labelled number beats an unlabelled one before it.
    expect(extractApplicationFields("Mijn partner heeft 06-55556666, ik zelf:\nMobiel: 06-45678901").mobile).toBe("06 45678901");
    // A work mobile only loses to a private one.
    expect(extractApplicationFields("Mobiel: 06-22223333\nWerk: 06-11112222").mobile).toBe("06 22223333");
    // Only a landline: proposed anyway, so the form says why it is refused.
    expect(extractApplicationFields("Telefoon: 026-3334444").mobile).toBe("026 333 4444");
  });

  it("reads a pasted body with labels as a body, and pasted raw source as a mail", async () => {
    const body = "Naam: Piet Jansen\nAdres: Hoflaan 9\nPostcode: 6952 AA\nMobiel: 06-31313131";
    expect(looksLikeRawMail(body)).toBe(false);
    const raw = fixture("plain-text.eml").toString("utf8");
    expect(looksLikeRawMail(raw)).toBe(true);
    const [fromBody, fromRaw] = await createMailDrafts(s.coordinator, [
      { fileName: null, source: body },
      { fileName: null, source: raw },
    ]);
    expect(await getMailDraft(s.coordinator, fromBody!)).toMatchObject({ name: "Piet Jansen", street: "Hoflaan", houseNumber: "9", postcode: "6952 AA", mobile: "06 31313131", email: null, fileName: null });
    const parsed = await getMailDraft(s.coordinator, fromRaw!);
    expect(parsed).toMatchObject({ name: "Jan de Vries", email: "jan.devries@example.net" });
    expect(parsed.mailText).not.toContain("Return-Path");
  });

  it("never proposes the mailbox's or a staff member's own address as the resident's", async () => {
    const headers = (from: string) => `From: ${from}\nTo: buurtpreventie@dieren-west.nl\nSubject: aanmelding\nDate: Mon, 23 Nov 2026 09:00:00 +0100\n\n`;
    const body = "Naam: Els Bos\nAdres: Kerkstraat 40\nPostcode: 6951AB\nMobiel: 0632323232\n";
    const ids = await createMailDrafts(s.coordinator, [
      { fileName: null, source: headers("Demo Coördinator <coordinator@example.org>") + body },
      { fileName: null, source: headers("buurtpreventie@dieren-west.nl") + body },
      { fileName: null, source: headers("Els Bos <els.bos@example.net>") + body },
    ]);
    const emails = await Promise.all(ids.map(async (id) => (await getMailDraft(s.coordinator, id)).email));
    expect(emails).toEqual([null, null, "els.bos@example.net"]);
  });

  it("refuses a file that is not a mail and stores nothing of the upload", async () => {
    const before = (await listMailDrafts(s.coordinator)).length;
    await expect(
      createMailDrafts(s.coordinator, [
        { fileName: "plain-text.eml", source: fixture("plain-text.eml") },
        { fileName: "photo.jpg", source: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]) },
      ]),
    ).rejects.toBeInstanceOf(UnreadableMailError);
    expect((await listMailDrafts(s.coordinator)).length).toBe(before);
  });
});

describe("saving a checked draft", () => {
  const draftFrom = async (file: string) => (await createMailDrafts(s.coordinator, [{ fileName: file, source: fixture(file) }]))[0]!;
  const fieldsOf = async (id: number) => {
    const { name, mobile, street, houseNumber, houseNumberSuffix, postcode, email } = await getMailDraft(s.coordinator, id);
    return { name: name ?? "", mobile: mobile ?? "", street: street ?? "", houseNumber: houseNumber ?? "", houseNumberSuffix: houseNumberSuffix ?? "", postcode: postcode ?? "", email: email ?? "" };
  };

  it("stores a covered address as NEW with the suggested subarea, source MAILBOX, and deletes the draft", async () => {
    const id = await draftFrom("plain-text.eml");
    const fields = { ...(await fieldsOf(id)), name: "Jan de Vries-Smit" };
    const result = await saveMailDraft(s.coordinator, id, fields);
    expect(result).toMatchObject({ ok: true, status: "NEW", subareaId: s.subareaIds[0] });
    if (!result.ok) throw new Error("not saved");
    const stored = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { events: true } }));
    expect(stored).toMatchObject({
      name: "Jan de Vries-Smit",
      mobile: "+31612345678",
      street: "Kerkstraat",
      houseNumber: 12,
      houseLetter: "A",
      houseNumberSuffix: null,
      postcode: "6951AB",
      email: "jan.devries@example.net",
      emailConfirmedAt: null,
      status: "NEW",
      source: "MAILBOX",
      subareaId: null,
      suggestedSubareaId: s.subareaIds[0],
      rulesVersion: RULES_VERSION,
      version: 1,
    });
    expect(stored.matchedRuleId).not.toBeNull();
    expect(stored.events).toMatchObject([{ type: "CREATED", actorKind: "STAFF", actorId: s.coordinator.userId, toStatus: "NEW" }]);
    await expect(getMailDraft(s.coordinator, id)).rejects.toBeInstanceOf(NotFoundError);

    // The audit trail knows who and which id — and nothing of the mail's content.
    const [event] = await s.db.query<{ row: string }>(
      `SELECT row_to_json(e)::text AS row FROM "AuditEvent" e WHERE action = 'application.created_from_mail' AND $1 = ANY("subjectIds")`,
      [result.applicationId],
    );
    expect(event).toBeDefined();
    for (const secret of ["Jan", "Vries", "612345678", "Kerkstraat", "6951", "example.net"]) expect(event!.row).not.toContain(secret);

    // Saving it again: the draft is gone, nothing more is stored.
    await expect(saveMailDraft(s.coordinator, id, fields)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores an address without a group yet as WAITING for the proposed subarea", async () => {
    const [id] = await createMailDrafts(s.coordinator, [{ fileName: null, source: "Naam: Wim Kok\nAdres: Zuiderlaan 5\nPostcode: 6953 AB\nMobiel: 06-41414141" }]);
    const result = await saveMailDraft(s.coordinator, id!, await fieldsOf(id!));
    expect(result).toMatchObject({ ok: true, status: "WAITING", subareaId: s.subareaIds[4] });
  });

  it("refuses a landline, keeps the corrections in the draft, and stores nothing", async () => {
    const id = await draftFrom("signature.eml");
    const before = await s.service((tx) => tx.application.count());
    const fields = { ...(await fieldsOf(id)), mobile: "026-3334444", name: "Kees Bakker jr." };
    expect(await saveMailDraft(s.coordinator, id, fields)).toEqual({ ok: false, fieldErrors: { mobile: "landline" } });
    expect(await s.service((tx) => tx.application.count())).toBe(before);
    expect(await getMailDraft(s.coordinator, id)).toMatchObject({ mobile: "026-3334444", name: "Kees Bakker jr." });
    expect(await saveMailDraft(s.coordinator, id, { ...fields, mobile: "", postcode: "12345", houseNumber: "x" })).toEqual({
      ok: false,
      fieldErrors: { mobile: "required", houseNumber: "invalid", postcode: "invalid" },
    });
  });

  it("refuses an address outside every subarea with nothing stored", async () => {
    const id = await draftFrom("signature.eml");
    const before = await s.service((tx) => tx.application.count());
    const result = await saveMailDraft(s.coordinator, id, { ...(await fieldsOf(id)), street: "Hoofdstraat", houseNumber: "1", postcode: "1234 AB" });
    expect(result).toEqual({ ok: false, outside: true });
    expect(await s.service((tx) => tx.application.count())).toBe(before);
  });

  it("saves an unknown street at a postcode of the neighbourhood for a coordinator, marked, with the same matcher as the web form", async () => {
    const id = await draftFrom("signature.eml");
    const result = await saveMailDraft(s.coordinator, id, { ...(await fieldsOf(id)), street: "Hoofdstraat", houseNumber: "1", postcode: "6951 ZZ" });
    expect(result).toMatchObject({ ok: true, status: "NEW", subareaId: null });
    if (!result.ok) throw new Error("not saved");
    const stored = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: result.applicationId } }));
    expect(stored).toMatchObject({ street: "Hoofdstraat", suggestedSubareaId: null, matchedRuleId: null, addressUnrecognised: true });
  });

  it("flags a number that already has an active application instead of making a second record", async () => {
    const existing = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "ADDED" }, select: { id: true, mobile: true } }));
    const id = await draftFrom("forwarded.eml");
    const before = await s.service((tx) => tx.application.count());
    const local = `0${existing.mobile.slice(3)}`; // typed the Dutch way: same number
    const result = await saveMailDraft(s.coordinator, id, { ...(await fieldsOf(id)), mobile: local });
    expect(result).toEqual({ ok: false, duplicateOf: { id: existing.id, status: "ADDED" } });
    expect(await s.service((tx) => tx.application.count())).toBe(before);
  });

  it("is for coordinators only, down to the database", async () => {
    const contact = { role: "contact" as const, userId: "x", subareaIds: [s.subareaIds[0]!] };
    await expect(inScope(s.db.prisma, contact, (tx) => tx.mailDraft.findMany())).rejects.toThrow(/permission denied/);
    await expect(inScope(s.db.prisma, contact, (tx) => tx.importBatch.findMany())).rejects.toThrow(/permission denied/);
  });

  it("discards a draft, and the purge job removes drafts left for a week", async () => {
    const id = await draftFrom("html-only.eml");
    await discardMailDraft(s.coordinator, id);
    await expect(discardMailDraft(s.coordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    const old = await draftFrom("html-only.eml");
    await s.service((tx) => tx.mailDraft.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } }));
    const purged = await purge(s.db.prisma);
    expect(purged.mailDrafts).toBe(1);
    await expect(getMailDraft(s.coordinator, old)).rejects.toBeInstanceOf(NotFoundError);
  });
});
