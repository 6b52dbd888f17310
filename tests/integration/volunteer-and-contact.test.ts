// The volunteer form becomes an expansion request with a confirmation mail in the same
// transaction; the contact form becomes a message for the coordinators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitExpansionRequest } from "@/lib/expansion/submit-expansion-request";
import { volunteerSchema } from "@/lib/expansion/volunteer.schema";
import { contactSchema } from "@/lib/messages/contact.schema";
import { submitMessage } from "@/lib/messages/submit-message";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 0 });
});
afterAll(() => s.db.drop());

describe("public intake besides applications", () => {
  it("stores a volunteer's offer as a NEW expansion request and mails a confirmation", async () => {
    const offer = volunteerSchema.parse({ name: "Bert Smit", mobile: "06-87654321", email: "bert@example.org", streets: "Zuiderlaan\nKastanjelaan", remark: "" });
    const { id } = await submitExpansionRequest(offer, { locale: "en" });
    const row = await s.service((tx) => tx.expansionRequest.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ status: "NEW", name: "Bert Smit", mobile: "+31687654321", email: "bert@example.org", streets: "Zuiderlaan\nKastanjelaan", remark: null, locale: "en" });
    const mail = await s.service((tx) => tx.outboxMail.findFirstOrThrow({ where: { to: "bert@example.org" } }));
    expect(mail).toMatchObject({ template: "volunteerReceived", status: "PENDING" });
    // An address nobody has confirmed: nothing the visitor typed is in the mail (issue 11 item 6).
    expect(mail.subject).toMatch(/^Thank you for your offer to /);
    expect(`${mail.subject}${mail.text}`).not.toContain("Bert");
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "expansion.requested" } }));
    expect(audit).toMatchObject({ targetType: "ExpansionRequest", targetId: String(id), actorKind: "RESIDENT" });
    expect(JSON.stringify(audit.meta ?? null)).not.toContain("bert");
  });

  it("stores a question as an OPEN message, with or without a reply address", async () => {
    const a = await submitMessage(contactSchema.parse({ name: "", replyTo: "", body: "Hoe lang duurt het?" }), { locale: "nl" });
    const b = await submitMessage(contactSchema.parse({ name: "Cor", replyTo: "cor@example.org", body: "Mag mijn buurman ook?" }), { locale: "nl" });
    const rows = await s.service((tx) => tx.message.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { id: "asc" } }));
    expect(rows.map(({ name, replyTo, body, status }) => ({ name, replyTo, body, status }))).toEqual([
      { name: null, replyTo: null, body: "Hoe lang duurt het?", status: "OPEN" },
      { name: "Cor", replyTo: "cor@example.org", body: "Mag mijn buurman ook?", status: "OPEN" },
    ]);
  });
});
