import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberCountLevel, WHATSAPP_GROUP_LIMIT } from "@/lib/group/group-limits";
import { escapeVCardText, foldLine, toVCards } from "@/lib/group/vcard";
import { welcomeText, whatsappUrl } from "@/lib/group/whatsapp-link";
import { telUrl } from "@/lib/phone/tel-url";

describe("the welcome message", () => {
  const values = { name: "Anna de Vries", subarea: "Deelgebied 1 – Noordwest", inviteLink: "https://chat.whatsapp.com/ABC" };

  it.each([
    ["nl", ["Hallo Anna de Vries", "Bel eerst 112 en zet het daarna in de groep", "geen gezellige, sociale of doorgestuurde berichten", "verdachte situaties"]],
    ["en", ["Hello Anna de Vries", "Call 112 first, then post it in the group", "no chatter, social or forwarded messages", "suspicious situations"]],
  ] as const)("in %s says what the group is for, 112 first, no social messages, and the invite link", (locale, phrases) => {
    const text = welcomeText(locale, values);
    for (const phrase of [...phrases, values.subarea, values.inviteLink]) expect(text).toContain(phrase);
  });

  it("leaves the invite link out when the group has none", () => {
    const text = welcomeText("nl", { ...values, inviteLink: null });
    expect(text).not.toContain("https://");
    expect(text).toContain("Ik voeg je zo toe");
  });

  it("becomes a wa.me link with the number as digits and the text encoded", () => {
    const url = whatsappUrl("+31612345678", "Hallo & welkom?\nBel 112");
    expect(url).toBe("https://wa.me/31612345678?text=Hallo%20%26%20welkom%3F%0ABel%20112");
    expect(new URL(url).searchParams.get("text")).toBe("Hallo & welkom?\nBel 112");
    expect(telUrl("+31612345678")).toBe("tel:+31612345678");
  });
});

describe("vCards", () => {
  it("escape what vCard text values reserve", () => {
    expect(escapeVCardText("a\\b,c;d\ne")).toBe("a\\\\b\\,c\\;d\\ne");
  });

  it("write one card per person, CRLF-terminated", () => {
    const vcf = toVCards([{ name: "Jan, de Vries", mobile: "+31612345678" }, { name: "Zoë Bakker", mobile: "+31687654321" }], { organisation: "Buurtpreventie", note: "Deelgebied 1" });
    expect(vcf).toBe(
      [
        "BEGIN:VCARD", "VERSION:3.0", "N:;Jan\\, de Vries;;;", "FN:Jan\\, de Vries", "ORG:Buurtpreventie", "TEL;TYPE=CELL:+31612345678", "NOTE:Deelgebied 1", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "N:;Zoë Bakker;;;", "FN:Zoë Bakker", "ORG:Buurtpreventie", "TEL;TYPE=CELL:+31687654321", "NOTE:Deelgebied 1", "END:VCARD",
        "",
      ].join("\r\n"),
    );
    expect(toVCards([], { organisation: "x", note: "y" })).toBe("");
  });

  it("fold long lines at 75 octets without splitting a character, and unfold to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const line = `NOTE:${text.replace(/[\r\n]/g, "")}`;
        const folded = foldLine(line);
        for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }),
    );
  });
});

describe("the member count", () => {
  it("warns from 90 % of WhatsApp's limit, and says when the group is full", () => {
    expect(WHATSAPP_GROUP_LIMIT).toBe(1024);
    expect(memberCountLevel(0)).toBe("ok");
    expect(memberCountLevel(921)).toBe("ok");
    expect(memberCountLevel(922)).toBe("near");
    expect(memberCountLevel(1023)).toBe("near");
    expect(memberCountLevel(1024)).toBe("full");
  });
});
