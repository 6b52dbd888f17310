import fs from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatHouseNumber, parseAddition, parseHouseNumber } from "@/lib/applications/parse-house-number";
import { formatAddress } from "@/lib/subareas/address";

const parts = (input: string, addition = "") => {
  const result = parseHouseNumber(input, addition);
  return result.ok ? [result.houseNumber, result.houseLetter, result.houseNumberSuffix] : result.reason;
};

describe("house numbers as BAG models them", () => {
  // tests/fixtures/addresses/14-house-numbers-streets.csv (cases of 2026-11-30), with the parts each row must give.
  const fixture = Papa.parse<string[]>(fs.readFileSync("tests/fixtures/addresses/14-house-numbers-streets.csv", "utf8").trim(), { delimiter: ";" }).data.slice(1);
  const expected: Record<string, [number, string | null, string | null]> = {
    "Test H01 12a": [12, "A", null],
    "Test H02 12-A": [12, "A", null],
    "Test H03 12 bis": [12, null, "BIS"],
    "Test H04 12-2": [12, null, "2"],
    "Test H05 12hs": [12, null, "HS"],
    "Test H06 letter+addition 400 L Toe (BRP)": [40, "L", "TOE"],
    "Test H07 letter+addition 12A-2": [12, "A", "2"],
    "Test H08 letter+addition 12 A 2": [12, "A", "2"],
    "Test H11 addition col A-2": [12, "A", "2"],
    "Test H12 12 1e etage": [12, null, "1"],
  };
  it.each(fixture.filter((row) => row[0]! in expected))("%s: number, letter and addition kept apart", (name, _mobile, _street, houseNumber, addition) => {
    expect(parts(houseNumber!, addition)).toEqual(expected[name!]);
  });

  it.each([
    // The kind of each fixture row, in other spellings.
    ["12-2", "", [12, null, "2"]],
    ["12/2", "", [12, null, "2"]],
    ["12 - 2", "", [12, null, "2"]],
    ["12", "-2", [12, null, "2"]],
    ["12", "2", [12, null, "2"]],
    ["12a-2", "", [12, "A", "2"]],
    ["12 a-2", "", [12, "A", "2"]],
    ["12A2", "", [12, "A", "2"]],
    ["12A", "2", [12, "A", "2"]],
    ["12", "a 2", [12, "A", "2"]],
    ["12 A bis", "", [12, "A", "BIS"]],
    ["12-bis", "", [12, null, "BIS"]],
    ["12BIS", "", [12, null, "BIS"]],
    ["12 hs", "", [12, null, "HS"]],
    ["12-huis", "", [12, null, "HS"]],
    ["12", "h", [12, "H", null]],
    ["12 2hg", "", [12, null, "2"]],
    ["12 2 hoog", "", [12, null, "2"]],
    ["12 3de verdieping", "", [12, null, "3"]],
    ["12 1e", "", [12, null, "1"]],
    ["12 2.de", "", [12, null, "2"]],
    ["12-II", "", [12, null, "2"]],
    ["12 iii", "", [12, null, "3"]],
    ["12-IV", "", [12, null, "4"]],
    ["12", "Toe", [12, null, "TOE"]],
    ["12", "LToe", [12, "L", "TOE"]],
    ["99999", "", [99999, null, null]],
    ["1", "", [1, null, null]],
    ["  7  ", "", [7, null, null]],
    ["１２ａ", "", [12, "A", null]],
  ] as const)("%s with addition %s → %j", (input, addition, want) => {
    expect(parts(input, addition)).toEqual(want);
  });

  it.each([
    ["", "required"],
    ["a12", "invalid"],
    ["0", "invalid"],
    ["100000", "invalid"],
    ["12 abcde", "invalid"],
    ["12 A BCDEF", "invalid"],
    ["12-2-3", "invalid"],
    // Two numbers after the house number: 2-3 or 23? Asked, never joined.
    ["12 2 3", "invalid"],
    ["12-2.3e", "invalid"],
    ["12 é", "invalid"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(parts(input)).toBe(reason);
  });

  it("never joins the number and an addition: 12-2 is not 122", () => {
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: null, houseNumberSuffix: "2" })).toBe("12-2");
    expect(parts(formatHouseNumber({ houseNumber: 12, houseLetter: null, houseNumberSuffix: "2" }))).toEqual([12, null, "2"]);
  });

  it("writes letter and addition as people read them", () => {
    expect(formatHouseNumber({ houseNumber: 12 })).toBe("12");
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: "A" })).toBe("12A");
    expect(formatHouseNumber({ houseNumber: 12, houseLetter: "A", houseNumberSuffix: "2" })).toBe("12A-2");
    expect(formatAddress({ street: "Kerkstraat", houseNumber: 12, houseLetter: null, houseNumberSuffix: "2", postcode: "6951AB" })).toBe("Kerkstraat 12-2, 6951 AB");
  });

  it("reads an addition column on its own as letter and addition together", () => {
    expect(parseAddition("A-2")).toBe("A-2");
    expect(parseAddition(" -2")).toBe("2");
    expect(parseAddition("")).toBeNull();
    expect(parseAddition("abcdef")).toBeUndefined();
  });

  // What residents type after a number: letters, digits, floor words, roman floors, separators.
  const token = fc.constantFrom("a", "A", "b", "L", "2", "12", "3", "bis", "hs", "Toe", "1e", "3e", "2de", "de", "etage", "2hg", "II", "iv", "h", "huis", "ab", "x1", "zw", "-");
  const separator = fc.constantFrom("", " ", "-", "/", " - ", ".", "_");
  const typed = fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.array(fc.tuple(separator, token), { maxLength: 3 }), fc.constantFrom("", "2", "A-2", "bis", "-3"));

  it("parse → format → parse gives the same parts (property)", () => {
    fc.assert(
      fc.property(typed, ([n, tail, addition]) => {
        const first = parseHouseNumber(`${n}${tail.map(([s, t]) => s + t).join("")}`, addition);
        if (!first.ok) return;
        const again = parseHouseNumber(formatHouseNumber(first));
        expect(again).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it("every stored part is in the register's form (property)", () => {
    fc.assert(
      fc.property(typed, ([n, tail, addition]) => {
        const result = parseHouseNumber(`${n}${tail.map(([s, t]) => s + t).join("")}`, addition);
        if (!result.ok) return;
        expect(result.houseNumber).toBeGreaterThanOrEqual(1);
        expect(result.houseNumber).toBeLessThanOrEqual(99_999);
        expect(result.houseLetter ?? "A").toMatch(/^[A-Z]$/);
        expect(result.houseNumberSuffix ?? "A").toMatch(/^[A-Z0-9]{1,4}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
