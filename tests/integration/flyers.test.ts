// Flyers (issue 16, part 1): what a coordinator can make a flyer for, and the PDF for a choice,
// against the seeded Dieren-West database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config/env";
import { NotFoundError } from "@/lib/errors";
import { listFlyerChoices } from "@/lib/flyers/flyer-targets";
import { makeFlyer } from "@/lib/flyers/make-flyer";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";
import { readFlyerPdf } from "../helpers/read-flyer-pdf";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

describe("flyer choices", () => {
  it("lists each active subarea with its streets, and the streets without a group (waiting residents, proposed subareas)", async () => {
    const choices = await listFlyerChoices(s.coordinator);
    const active = await s.service((tx) => tx.subarea.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { name: true } }));
    expect(choices.subareas.map((x) => x.name)).toEqual(active.map((x) => x.name));
    const first = choices.subareas.find((x) => x.name === "Deelgebied 1 – Noordwest")!;
    expect(first.choices.map((c) => c.target)).toEqual([
      { kind: "subarea", subarea: "Deelgebied 1 – Noordwest" },
      { kind: "subarea", subarea: "Deelgebied 1 – Noordwest", street: "Beukenlaan" },
      { kind: "subarea", subarea: "Deelgebied 1 – Noordwest", street: "Eikenlaan" },
      { kind: "subarea", subarea: "Deelgebied 1 – Noordwest", street: "Kerkstraat" },
    ]);
    const uncovered = choices.uncovered.map((c) => c.target.street);
    // Zuiderlaan lies only in the proposed subarea "Zuid"; the Admiraal Helfrichlaan is split
    // (odd numbers have a group, even ones wait), so it is in both lists.
    const waitingStreets = await s.service((tx) => tx.application.groupBy({ by: ["street"], where: { status: "WAITING" } }));
    expect(waitingStreets.map((w) => w.street)).toContain("Zuiderlaan");
    expect(uncovered).toContain("Zuiderlaan");
    expect(uncovered).toContain("Admiraal Helfrichlaan");
    for (const covered of ["Kerkstraat", "Beukenlaan", "Lindelaan", "Veluwelaan"]) expect(uncovered).not.toContain(covered);
    const zuiderlaan = choices.uncovered.find((c) => c.target.street === "Zuiderlaan")!;
    expect(zuiderlaan.waiting).toBe(await s.service((tx) => tx.application.count({ where: { status: "WAITING", street: "Zuiderlaan", anonymisedAt: null } })));
  });

  it("is not found for a contact person", async () => {
    await expect(listFlyerChoices(await s.contact(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(makeFlyer(await s.contact(1), { target: "street:Zuiderlaan", format: "A5", lang: "nl" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("making a flyer", () => {
  it("an uncovered street's poster links to the volunteer form and holds no resident's data", async () => {
    const { pdf, filename } = await makeFlyer(s.coordinator, { target: "street:Zuiderlaan", format: "A4", lang: "nl" });
    expect(filename).toBe("poster-a4-zuiderlaan-nl.pdf");
    const read = await readFlyerPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.qr).toEqual([new URL("/volunteer?straat=Zuiderlaan", config().APP_URL).toString()]);
    expect(read.text).toContain("Wie begint de buurtpreventiegroep in de Zuiderlaan?");
    const residents = await s.service((tx) => tx.application.findMany({ where: { street: "Zuiderlaan" }, select: { name: true, mobile: true, email: true } }));
    expect(residents.length).toBeGreaterThan(0);
    for (const r of residents) {
      expect(read.text).not.toContain(r.name);
      expect(read.text).not.toContain(r.mobile.slice(-6));
      if (r.email) expect(read.text).not.toContain(r.email);
    }
  });

  it("a subarea street's flyer links to the apply form with the street", async () => {
    const { pdf, filename } = await makeFlyer(s.coordinator, { target: `subarea:${s.subareaIds[0]}:Kerkstraat`, format: "A5", lang: "en" });
    expect(filename).toBe("flyer-a5-kerkstraat-en.pdf");
    const read = await readFlyerPdf(pdf);
    expect(read.qr).toEqual([new URL("/apply?straat=Kerkstraat", config().APP_URL).toString()]);
    expect(read.text).toContain("Watching out for each other in Kerkstraat");
  });

  it("refuses a choice that is not on the page: a street with a group as 'uncovered', a made-up street, another subarea's street", async () => {
    for (const target of ["street:Kerkstraat", "street:<b>Nepstraat</b>", `subarea:${s.subareaIds[1]}:Kerkstraat`, "subarea:999999"]) {
      await expect(makeFlyer(s.coordinator, { target, format: "A5", lang: "nl" })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
