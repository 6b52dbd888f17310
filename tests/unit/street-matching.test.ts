import { describe, expect, it } from "vitest";
import { addressBookOf, classifyAddress, type SubareaRule } from "@/lib/subareas/classify-address";
import { buildStreetBook, compactStreetKey, matchStreet } from "@/lib/subareas/match-street";

const rule = (id: number, street: string | null, extra: Partial<SubareaRule> = {}): SubareaRule => ({
  id, subareaId: id, street, postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL",
  subareaStatus: "ACTIVE", subareaName: `Deelgebied ${id}`, ...extra,
});

const STREETS = [
  "Kerkstraat", "Admiraal Helfrichlaan", "Burgemeester de Bruïnelaan", "Dokter Huber Noodtstraat", "Professor Lorentzweg",
  "Jonkheer de Jonghweg", "Meester Lambooylaan", "Sint Jansplein", "Generaal Foulkesweg", "Koningin Julianalaan",
  "Prins Bernhardsingel", "Stationsweg", "Marktplein", "Havenkade", "Oudegracht", "Parksingel", "Eikenlaan", "Beukenlaan",
];
const rules = STREETS.map((street, i) => rule(i + 1, street));
const known = [
  { postcode: "6951AB", street: "Kerkstraat" },
  { postcode: "6952AC", street: "Admiraal Helfrichlaan" },
  { postcode: "6951BB", street: "Stationsweg" },
  { postcode: "6951AC", street: "Beukenlaan" },
];
const book = buildStreetBook(rules, known);

describe("street names as residents write them", () => {
  it.each([
    // Titles and ranks.
    ["Adm. Helfrichlaan", "Admiraal Helfrichlaan"],
    ["Adm Helfrichlaan", "Admiraal Helfrichlaan"],
    ["Admiraal Helfrichln", "Admiraal Helfrichlaan"],
    ["Adm. Helfrichln.", "Admiraal Helfrichlaan"],
    ["admiraal  helfrichlaan", "Admiraal Helfrichlaan"],
    ["ADMIRAAL HELFRICHLAAN", "Admiraal Helfrichlaan"],
    ["Burg. de Bruinelaan", "Burgemeester de Bruïnelaan"],
    ["Burg de Bruïnelaan", "Burgemeester de Bruïnelaan"],
    ["Dr. Huber Noodtstraat", "Dokter Huber Noodtstraat"],
    ["Dr Huber Noodtstr.", "Dokter Huber Noodtstraat"],
    ["Prof. Lorentzweg", "Professor Lorentzweg"],
    ["Prof Lorentzwg", "Professor Lorentzweg"],
    ["Jhr. de Jonghweg", "Jonkheer de Jonghweg"],
    ["Mr. Lambooylaan", "Meester Lambooylaan"],
    ["St. Jansplein", "Sint Jansplein"],
    ["St Janspln", "Sint Jansplein"],
    ["Gen. Foulkesweg", "Generaal Foulkesweg"],
    ["Kon. Julianalaan", "Koningin Julianalaan"],
    ["Kon Julianaln", "Koningin Julianalaan"],
    ["Pr. Bernhardsingel", "Prins Bernhardsingel"],
    ["Pr. Bernhardsngl", "Prins Bernhardsingel"],
    // Street-type endings, joined or apart.
    ["Kerkstr.", "Kerkstraat"],
    ["Kerkstr", "Kerkstraat"],
    ["Kerk str.", "Kerkstraat"],
    ["Kerk-straat", "Kerkstraat"],
    ["Stations-weg", "Stationsweg"],
    ["Stationswg", "Stationsweg"],
    ["Stations weg", "Stationsweg"],
    ["Marktpln", "Marktplein"],
    ["Markt pl.", "Marktplein"],
    ["Havenkd", "Havenkade"],
    ["Oudegr", "Oudegracht"],
    ["Parksngl", "Parksingel"],
    ["Eikenln", "Eikenlaan"],
    ["Eiken-ln", "Eikenlaan"],
  ])("%s is %s", (typed, street) => {
    expect(matchStreet(book, typed, "")).toMatchObject({ kind: "known", street });
  });

  it("gives the same key to every spelling of a title and an ending, and keeps different streets apart", () => {
    expect(compactStreetKey("Adm. Helfrichln")).toBe(compactStreetKey("Admiraal Helfrichlaan"));
    expect(compactStreetKey("De Horst")).not.toBe(compactStreetKey("De Hostraat"));
    expect(compactStreetKey("Vaststraat")).toBe("vaststraat");
    expect(compactStreetKey("Kerkstraat")).not.toBe(compactStreetKey("Kerklaan"));
  });

  it.each([
    ["Kerkstaat", "6951AB"], // a letter missing
    ["Kerkstraaat", "6951AB"], // a letter extra
    ["Kerkstraet", "6951AB"], // a letter wrong
    ["Kekrstraat", "6951AB"], // two letters swapped
    ["Adm. Helfriclaan", "6952AC"],
    ["Statinsweg", "6951BB"],
  ])("takes one typo in %s when the postcode %s is known for that street", (typed, postcode) => {
    expect(matchStreet(book, typed, postcode)).toMatchObject({ kind: "known", corrected: true });
  });

  it.each([
    ["Kerkstaat", "", "Kerkstraat"],
    ["Kerkstaat", "6952AA", "Kerkstraat"],
    ["Stationsweeg", "", "Stationsweg"],
  ])("asks about one typo in %s without a postcode that confirms it", (typed, postcode, suggestion) => {
    expect(matchStreet(book, typed, postcode)).toEqual({ kind: "uncertain", suggestion });
  });

  it("asks about the postcode's own street when the typed one is further off", () => {
    expect(matchStreet(book, "Kerkweg", "6951AB")).toEqual({ kind: "uncertain", suggestion: "Kerkstraat" });
  });

  it("knows nothing of two typos, of short names, or of other streets", () => {
    expect(matchStreet(book, "Kekstaat", "")).toEqual({ kind: "unknown" });
    expect(matchStreet(book, "Dorpsstraat", "1234AB")).toEqual({ kind: "unknown" });
    expect(matchStreet(buildStreetBook([rule(1, "Hof")]), "Hok", "")).toEqual({ kind: "unknown" });
  });
});

describe("classifying an address with the street book", () => {
  const subareaRules = [
    rule(1, "Kerkstraat"),
    rule(2, "Admiraal Helfrichlaan", { parity: "ODD" }),
    rule(3, "Admiraal Helfrichlaan", { parity: "EVEN", subareaStatus: "PROPOSED" }),
    rule(4, null, { postcodeFrom: "6953AA", postcodeTo: "6953ZZ", subareaStatus: "PROPOSED" }),
  ];
  const full = addressBookOf(subareaRules, known);
  const at = (street: string, houseNumber: number, postcode: string) => ({ street, houseNumber, postcode });

  it("gives an abbreviation the result of the full spelling, with the street as the neighbourhood writes it", () => {
    const fullSpelling = classifyAddress(full, at("Admiraal Helfrichlaan", 11, "6952AC"));
    expect(fullSpelling).toMatchObject({ kind: "covered", subareaId: 2, street: "Admiraal Helfrichlaan" });
    for (const typed of ["Adm. Helfrichlaan", "Adm Helfrichlaan", "Admiraal Helfrichln"]) {
      expect(classifyAddress(full, at(typed, 11, "6952AC"))).toEqual(fullSpelling);
    }
    expect(classifyAddress(full, at("Kerkstr.", 20, "6951AB"))).toMatchObject({ kind: "covered", subareaId: 1, street: "Kerkstraat" });
    expect(classifyAddress(full, at("Adm. Helfrichln", 12, "6952AC"))).toMatchObject({ kind: "waiting", subareaId: 3 });
  });

  it("compares the number only with a rule's numbers: a letter or addition does not move an address", () => {
    expect(classifyAddress(full, at("Admiraal Helfrichlaan", 11, "6952AC"))).toMatchObject({ subareaId: 2 });
  });

  it("asks about an uncertain street, and sends it to a coordinator when the resident keeps it", () => {
    expect(classifyAddress(full, at("Kerkstaat", 20, "6951AC"))).toEqual({ kind: "uncertain", suggestion: "Kerkstraat" });
    expect(classifyAddress(full, at("Kerkstaat", 20, "6951AC"), { keepTyped: true })).toEqual({ kind: "unrecognised", status: "NEW" });
    expect(classifyAddress(full, at("Kerkstaat", 20, "6951AB"))).toMatchObject({ kind: "covered", street: "Kerkstraat" });
  });

  it("stores an unknown street with a postcode of the neighbourhood for a coordinator, and refuses one outside it", () => {
    expect(classifyAddress(full, at("Onbekendeweg", 3, "6951AB"), { keepTyped: true })).toEqual({ kind: "unrecognised", status: "NEW" });
    expect(classifyAddress(full, at("Onbekendeweg", 3, "6951ZZ"))).toEqual({ kind: "unrecognised", status: "NEW" });
    expect(classifyAddress(full, at("Dorpsstraat", 3, "1234AB"))).toEqual({ kind: "outside" });
    // A rule by postcode alone covers every spelling.
    expect(classifyAddress(full, at("Wat Dan Ook", 3, "6953AB"))).toMatchObject({ kind: "waiting", subareaId: 4 });
  });
});

describe("the import check uses the same matcher and parser", () => {
  it("reads the 2026-11-30 fixture: abbreviations give the full street, number, letter and addition stay apart, an unknown street is kept for a coordinator", async () => {
    const { parseCsv } = await import("@/lib/intake/parse-csv");
    const { guessColumnMapping } = await import("@/lib/intake/column-mapping");
    const { parseImportRows } = await import("@/lib/intake/check-import-rows");
    const fs = await import("node:fs");
    const csv = `${fs.readFileSync("tests/fixtures/addresses/14-house-numbers-streets.csv", "utf8").trim().replace(/\r\n/g, "\n")}\nTest U01 unknown street;06 32000099;Onbekendelaan;3;;6951 ZZ\nTest U02 outside;06 32000098;Dorpsstraat;3;;1234 AB\n`;
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error("fixture unreadable");
    const book = addressBookOf(
      [rule(1, "Kerkstraat"), rule(2, "Admiraal Helfrichlaan", { parity: "ODD" }), rule(3, "Stationsweg")],
      known,
    );
    const rows = parseImportRows(parsed.table, guessColumnMapping(parsed.table.header), book);
    const byName = Object.fromEntries(rows.map((r) => [parsed.table.rows[r.row - 2]![0], r]));
    expect(byName["Test H04 12-2"]).toMatchObject({ kind: "valid", application: { street: "Kerkstraat", houseNumber: 12, houseLetter: null, houseNumberSuffix: "2", suggestedSubareaId: 1 } });
    expect(byName["Test H11 addition col A-2"]).toMatchObject({ kind: "valid", application: { houseNumber: 12, houseLetter: "A", houseNumberSuffix: "2" } });
    expect(byName["Test H06 letter+addition 400 L Toe (BRP)"]).toMatchObject({ kind: "valid", application: { houseNumber: 40, houseLetter: "L", houseNumberSuffix: "TOE" } });
    for (const name of ["Test A01 Adm. abbreviation", "Test A03 full name", "Test A04 lowercase + extra spaces"]) {
      expect(byName[name]).toMatchObject({ kind: "valid", application: { street: "Admiraal Helfrichlaan", suggestedSubareaId: 2, addressUnrecognised: false } });
    }
    expect(byName["Test A06 Stationsweg dash"]).toMatchObject({ kind: "valid", application: { street: "Stationsweg", suggestedSubareaId: 3 } });
    expect(byName["Test U01 unknown street"]).toMatchObject({ kind: "valid", application: { street: "Onbekendelaan", status: "NEW", suggestedSubareaId: null, addressUnrecognised: true } });
    expect(byName["Test U02 outside"]).toMatchObject({ kind: "invalid", problems: [{ field: "address", code: "outside" }] });
    expect(rows.filter((r) => r.kind === "invalid")).toHaveLength(1);
  });
});
