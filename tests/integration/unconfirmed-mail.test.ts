// Issue 11 items 6 and 8: mail to an address nobody has confirmed carries no text the visitor
// typed, a name with a web address is refused, one unconfirmed address gets at most three
// mails a day, and an e-mail change on the private page is told to the old address too.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applySchema, residentDetailsSchema } from "@/lib/applications/apply.schema";
import { confirmOwnEmail, correctOwnApplication, getOwnApplication } from "@/lib/applications/own-application";
import { submitApplication } from "@/lib/applications/submit-application";
import { submitExpansionRequest } from "@/lib/expansion/submit-expansion-request";
import { volunteerSchema } from "@/lib/expansion/volunteer.schema";
import { contactSchema } from "@/lib/messages/contact.schema";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 5 });
});
afterAll(() => s.db.drop());

const PHISHING = "Uw gegevens zijn gelekt";
let counter = 0;
const freshMobile = () => `06-8${String(2_000_000 + ++counter).slice(-7)}`;
const outboxTo = (to: string) => s.service((tx) => tx.outboxMail.findMany({ where: { to }, orderBy: { id: "asc" } }));
const apply = (email: string, name = PHISHING) =>
  submitApplication(applySchema.parse({ name, mobile: freshMobile(), street: "Kerkstraat", houseNumber: "12", postcode: "6951 AB", email, acceptRules: "on" }), { locale: "nl" });

describe("a name with a web address", () => {
  const name = (value: string) => applySchema.shape.name.safeParse(value);
  it("is refused on every public form", () => {
    for (const value of [`${PHISHING}, zie https://evil.example/x`, "kijk op www.evil.example", "evil.example/login", "Jan bit.ly", "Anna //evil"]) {
      expect(name(value).error?.issues[0]?.message, value).toBe("link");
    }
    expect(volunteerSchema.shape.name.safeParse("Bert http://x.example").error?.issues[0]?.message).toBe("link");
    expect(contactSchema.shape.name.safeParse("Cor www.x.example").error?.issues[0]?.message).toBe("link");
    expect(residentDetailsSchema.shape.name.safeParse("Anna evil.nl").error?.issues[0]?.message).toBe("link");
  });
  it("lets initials, dotted and accented names through", () => {
    for (const value of ["J.H. de Vries", "A.B.C. Jansen", "Jan v.d. Berg", "Ömer Yılmaz", "Anne-Marie O'Neill", "J. Smit"]) expect(name(value).success, value).toBe(true);
  });
});

describe("mail to an unconfirmed address", () => {
  it("has no text the visitor typed: not in the apply confirmation, not in the volunteer's", async () => {
    const email = `victim-${Date.now()}@example.org`;
    await apply(email);
    await submitExpansionRequest(volunteerSchema.parse({ name: PHISHING, mobile: freshMobile(), email, streets: "Zuiderlaan", remark: "" }), { locale: "nl" });
    const mails = await outboxTo(email);
    expect(mails.map((m) => m.template)).toEqual(["applicationReceived", "volunteerReceived"]);
    for (const mail of mails) {
      expect(`${mail.subject}\n${mail.text}`).not.toContain(PHISHING);
      expect(mail.text).toMatch(/^Hallo,\n/);
    }
  });

  it("goes out at most three times a day to one address; the fourth is dropped and logged without the address", async () => {
    const email = `flooded-${Date.now()}@example.org`;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (let i = 0; i < 4; i++) expect(await apply(email, "Anna de Vries")).toMatchObject({ result: "received" });
      expect(await outboxTo(email)).toHaveLength(3);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain("applicationReceived");
      expect(String(warn.mock.calls[0]![0])).not.toContain("flooded");
    } finally {
      warn.mockRestore();
    }
    // The applications themselves are all stored: only the mail is capped.
    expect(await s.service((tx) => tx.application.count({ where: { email } }))).toBe(4);
  });
});

describe("an e-mail change on the private page", () => {
  it("mails the new address a new link and tells the old one, neither with the typed name", async () => {
    const old = `old-${Date.now()}@example.org`;
    const fresh = `new-${Date.now()}@example.org`;
    const mobile = freshMobile();
    await submitApplication(applySchema.parse({ name: "Anna de Vries", mobile, street: "Kerkstraat", houseNumber: "12", postcode: "6951 AB", email: old, acceptRules: "on" }), { locale: "nl" });
    const { id } = await s.service((tx) => tx.application.findFirstOrThrow({ where: { email: old }, select: { id: true } }));
    await confirmOwnEmail(id);
    const own = await getOwnApplication(id);
    await correctOwnApplication(id, residentDetailsSchema.parse({ name: PHISHING, mobile, street: "Kerkstraat", houseNumber: "12", postcode: "6951AB", email: fresh }), own.version);
    const [toNew] = await outboxTo(fresh);
    const toOld = (await outboxTo(old)).at(-1);
    expect(toNew).toMatchObject({ template: "manageLink", applicationId: id });
    expect(toOld).toMatchObject({ template: "emailChangedNotice", applicationId: id });
    for (const mail of [toNew!, toOld!]) expect(`${mail.subject}\n${mail.text}`).not.toContain(PHISHING);
    expect(toOld!.text).not.toContain(fresh);
    expect(toOld!.text).not.toContain("/manage/");
  });
});
