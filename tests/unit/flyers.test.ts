import { describe, expect, it } from "vitest";
import { flyerContent, type FlyerNames } from "@/lib/flyers/flyer-content";
import { flyerLink, prefillStreet } from "@/lib/flyers/flyer-link";
import { PAGE_SIZES, renderFlyerPdf } from "@/lib/flyers/render-flyer-pdf";
import { readFlyerPdf } from "../helpers/read-flyer-pdf";

const names: FlyerNames = {
  organisation: "Buurtpreventie Dieren-West",
  neighbourhood: "Dieren-West",
  municipality: "gemeente Rheden",
  appUrl: "https://buurt.example.nl",
};

describe("flyer PDF", () => {
  it("a subarea street's A5 flyer: one page, the purpose, 112, the rules and a QR code to the apply form with the street", async () => {
    const pdf = await readFlyerPdf(await renderFlyerPdf(flyerContent({ kind: "subarea", subarea: "Centrum", street: "Kerkstraat" }, "nl", names), "A5"));
    expect(pdf.pages).toBe(1);
    expect(pdf.size).toEqual(PAGE_SIZES.A5);
    expect(pdf.qr).toEqual(["https://buurt.example.nl/apply?straat=Kerkstraat"]);
    expect(pdf.text).toContain("Samen alert in de Kerkstraat");
    expect(pdf.text).toContain("waarschuwen elkaar via een WhatsApp-groep");
    expect(pdf.text).toMatch(/bel eerst 112/i);
    expect(pdf.text).toContain("Huisregels: eerst 112, dan de groep");
    expect(pdf.text).toContain("geen sociale berichten");
    expect(pdf.text).toContain("buurt.example.nl/apply?straat=Kerkstraat");
    expect(pdf.text).toContain("gemeente Rheden");
  });

  it("an uncovered street's A4 poster in English asks for a contact person and links to the volunteer form", async () => {
    const pdf = await readFlyerPdf(await renderFlyerPdf(flyerContent({ kind: "uncovered", street: "Zuiderlaan" }, "en", names), "A4"));
    expect(pdf.pages).toBe(1);
    expect(pdf.size).toEqual(PAGE_SIZES.A4);
    expect(pdf.qr).toEqual(["https://buurt.example.nl/volunteer?straat=Zuiderlaan"]);
    expect(pdf.text).toContain("Who will start the neighbourhood-watch group in Zuiderlaan?");
    expect(pdf.text).toContain("Become the contact person");
    expect(pdf.text).toContain("Call 112 first");
    expect(pdf.text).toContain("House rules: 112 first, then the group");
    expect(pdf.text).toContain("buurt.example.nl/volunteer?straat=Zuiderlaan");
    expect(pdf.text).not.toContain("/apply");
  });

  it("prints Dutch letters (ë, é, ’) as themselves and a character outside WinAnsi without failing", async () => {
    const content = flyerContent({ kind: "subarea", subarea: "Noord", street: "Burg. Dreesstraat" }, "nl", { ...names, neighbourhood: "Zuidoost-Ëlst", municipality: "gemeente Één" });
    const pdf = await readFlyerPdf(await renderFlyerPdf({ ...content, headline: "Samen alert in de Łódźstraat" }, "A5"));
    expect(pdf.text).toContain("Zuidoost-Ëlst");
    expect(pdf.text).toContain("gemeente Één");
    expect(pdf.text).toContain("foto’s");
    expect(pdf.text).toContain("Samen alert in de ?ódzstraat");
    expect(pdf.qr).toEqual(["https://buurt.example.nl/apply?straat=Burg.+Dreesstraat"]);
  });

  it("a whole subarea's flyer links to the apply form without a street, and long texts still fit on one page", async () => {
    const long = "Admiraal van Kinsbergen-Wolterbeek-Noordzijdestraat";
    const content = flyerContent({ kind: "subarea", subarea: "Centrum" }, "nl", names);
    expect(content.url).toBe("https://buurt.example.nl/apply");
    const pdf = await readFlyerPdf(await renderFlyerPdf({ ...content, body: [content.body[0]!.repeat(3)], headline: `Samen alert in de ${long}` }, "A5"));
    expect(pdf.pages).toBe(1);
    expect(pdf.qr).toEqual(["https://buurt.example.nl/apply"]);
  });
});

describe("the flyer's link", () => {
  it("carries only the street, encoded", () => {
    expect(flyerLink("https://buurt.example.nl/", "apply", "’s-Gravenweg").url).toBe("https://buurt.example.nl/apply?straat=%E2%80%99s-Gravenweg");
    expect(flyerLink("http://localhost:3000", "volunteer").display).toBe("localhost:3000/volunteer");
  });

  it("prefills a plausible street and refuses markup, links and oddities", () => {
    expect(prefillStreet("  Kerkstraat ")).toBe("Kerkstraat");
    expect(prefillStreet("Burg. v.d. Berghstraat")).toBe("Burg. v.d. Berghstraat");
    expect(prefillStreet("’s-Gravenweg")).toBe("’s-Gravenweg");
    expect(prefillStreet("Laan 1940-1945")).toBe("Laan 1940-1945");
    for (const bad of ["<script>alert(1)</script>", "Kerk\"straat", "x", "a".repeat(101), "https://evil.example", "Kerkstraat\u202E", undefined, ["Kerkstraat"]]) {
      expect(prefillStreet(bad)).toBeUndefined();
    }
  });
});
