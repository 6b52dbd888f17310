import { describe, expect, it } from "vitest";
import { applySchema } from "@/lib/applications/apply.schema";
import { volunteerSchema } from "@/lib/expansion/volunteer.schema";
import { contactSchema } from "@/lib/messages/contact.schema";

const valid = { name: "Anna de Vries", mobile: "06-12345678", street: "Kerkstraat", houseNumber: "12a", postcode: "6951 ab", email: "", acceptRules: "on" };

function codes(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  // The first problem of each field, as the forms show it.
  const first: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) first[String(issue.path[0])] ??= issue.message;
  return first;
}

describe("the apply form's schema", () => {
  it("normalises what a resident types", () => {
    expect(applySchema.parse(valid)).toEqual({
      name: "Anna de Vries",
      mobile: "+31612345678",
      street: "Kerkstraat",
      houseNumber: { houseNumber: 12, houseLetter: "A", houseNumberSuffix: null },
      postcode: "6951AB",
      email: undefined,
      acceptRules: "on",
    });
  });

  it.each([
    ["12", 12, null, null],
    ["12 bis", 12, null, "BIS"],
    ["12-2", 12, null, "2"],
    ["12A-2", 12, "A", "2"],
    ["7 h", 7, "H", null],
  ])("reads house number %s", (input, n, letter, suffix) => {
    expect(applySchema.parse({ ...valid, houseNumber: input }).houseNumber).toEqual({ houseNumber: n, houseLetter: letter, houseNumberSuffix: suffix });
  });

  it.each(["12345", "06-1234", "0612345678901", "+31 6 1234"])("gives a bad mobile %s the phone message, not the letters-and-digits one", (mobile) => {
    expect(codes(applySchema.safeParse({ ...valid, mobile }))).toEqual({ mobile: "mobile" });
  });

  it("words the phone message in both languages", async () => {
    const nl = (await import("@/lib/i18n/messages/nl/forms.json")).default.publicForms.errors;
    const en = (await import("@/lib/i18n/messages/en/forms.json")).default.publicForms.errors;
    expect(nl.mobile).toBe("Dit is geen geldig mobiel nummer, zoals 06-12345678.");
    expect(en.mobile).toMatch(/mobile number/);
  });

  it("gives each bad field its own code", () => {
    const result = applySchema.safeParse({ name: "", mobile: "026-1234567", street: "K", houseNumber: "a12", postcode: "695 AB", email: "not-an-email" });
    expect(codes(result)).toEqual({
      name: "required",
      mobile: "landline",
      street: "tooShort",
      houseNumber: "houseNumber",
      postcode: "postcode",
      email: "email",
      acceptRules: "acceptRules",
    });
  });

  it("refuses wrong types, oversized text and bidirectional overrides", () => {
    expect(codes(applySchema.safeParse({ ...valid, name: 42 }))).toEqual({ name: "invalid" });
    expect(codes(applySchema.safeParse({ ...valid, name: "x".repeat(101) }))).toEqual({ name: "tooLong" });
    expect(codes(applySchema.safeParse({ ...valid, name: "Anna\u202Eseirv" }))).toEqual({ name: "invalid" });
    expect(codes(applySchema.safeParse({ ...valid, name: "Anna\u0000" }))).toEqual({ name: "invalid" });
    expect(codes(applySchema.safeParse({ ...valid, acceptRules: "yes" }))).toEqual({ acceptRules: "acceptRules" });
  });

  it("stops at the length limit: no later check runs over a field far too long", () => {
    // A 200,000-character name used to go through the web-address check (quadratic on "xxx…"):
    // 40 s of server time per post. Over the limit it is "too long" and nothing else.
    for (const huge of ["x".repeat(200_000), `http://${"x".repeat(200_000)}`, "\u202E".repeat(50_000)]) {
      const issues = applySchema.safeParse({ ...valid, name: huge, street: huge }).error!.issues;
      expect(issues.filter((i) => i.path[0] === "name").map((i) => i.message)).toEqual(["tooLong"]);
      expect(issues.filter((i) => i.path[0] === "street").map((i) => i.message)).toEqual(["tooLong"]);
    }
  });
});

describe("the volunteer and contact schemas", () => {
  it("require an e-mail address from a volunteer and accept lines in free text", () => {
    const offer = { name: "Bert", mobile: "+31 6 87654321", email: "Bert@Example.org", streets: "Zuiderlaan\nKastanjelaan", remark: "" };
    expect(volunteerSchema.parse(offer)).toMatchObject({ email: "bert@example.org", mobile: "+31687654321", remark: undefined });
    expect(codes(volunteerSchema.safeParse({ ...offer, email: "" }))).toEqual({ email: "required" });
  });

  it("need only a question from the contact form", () => {
    expect(contactSchema.parse({ name: "", replyTo: "", body: "Wanneer word ik toegevoegd?" })).toEqual({ name: undefined, replyTo: undefined, body: "Wanneer word ik toegevoegd?" });
    expect(codes(contactSchema.safeParse({ body: "" }))).toEqual({ body: "required" });
  });
});

describe("one set of field schemas (issue 12, item 3)", () => {
  it("gives name and street the same limits and the same control/bidi filter on the web, in the coordinator's edit, and in intake and import", async () => {
    const { applicationEditSchema } = await import("@/lib/applications/application-edit.schema");
    const { applicationFieldsSchema } = await import("@/lib/applications/application-fields.schema");
    const edit = { id: "1", version: "1", name: "Anna", mobile: "06-12345678", street: "Kerkstraat", houseNumber: "12", houseNumberSuffix: "", postcode: "6951AB", email: "", notes: "" };
    const row = { name: "Anna", mobile: "06-12345678", street: "Kerkstraat", houseNumber: "12", houseNumberSuffix: "", postcode: "6951AB", email: "" };
    const longest = "A".repeat(100);
    for (const [field, value, ok] of [["name", longest, true], ["name", `${longest}A`, false], ["street", `${longest}A`, false], ["name", "Anna\u202Eedoc", false], ["street", "Kerk\u0007straat", false]] as const) {
      expect(applySchema.safeParse({ ...valid, [field]: value }).success, `web ${field}`).toBe(ok);
      expect(applicationEditSchema.safeParse({ ...edit, [field]: value }).success, `edit ${field}`).toBe(ok);
      expect(applicationFieldsSchema.safeParse({ ...row, [field]: value }).success, `import ${field}`).toBe(ok);
    }
  });
});
