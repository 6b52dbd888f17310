// One address on one line, as residents write it in a mail and as Google Forms and membership
// lists hold it in one column: split by the one parser both intake paths use.
import { describe, expect, it } from "vitest";
import { parseFullAddress } from "@/lib/intake/parse-full-address";

describe("parseFullAddress", () => {
  it.each([
    ["Kerkstraat 21, 6951 AB Dieren", { street: "Kerkstraat", houseNumber: "21", houseNumberSuffix: null, postcode: "6951AB" }],
    ["Beukenlaan 12a 6951AC", { street: "Beukenlaan", houseNumber: "12", houseNumberSuffix: "a", postcode: "6951AC" }],
    ["Stationsweg 45-2\n6951 BB Dieren", { street: "Stationsweg", houseNumber: "45", houseNumberSuffix: "2", postcode: "6951BB" }],
    ["6952 AB Dieren, Parkweg 21", { street: "Parkweg", houseNumber: "21", houseNumberSuffix: null, postcode: "6952AB" }],
    ["Veluwelaan 30 B, 6952BA", { street: "Veluwelaan", houseNumber: "30", houseNumberSuffix: "B", postcode: "6952BA" }],
    ["Admiraal Helfrichlaan 11", { street: "Admiraal Helfrichlaan", houseNumber: "11", houseNumberSuffix: null, postcode: null }],
    ["Hoofdstraat 5 bis, 1234 AB", { street: "Hoofdstraat", houseNumber: "5", houseNumberSuffix: "bis", postcode: "1234AB" }],
  ])("%s", (line, expected) => {
    expect(parseFullAddress(line)).toEqual(expected);
  });

  it("returns a known street as the rules write it, in any case and spacing", () => {
    expect(parseFullAddress("de  binnenhof 3, 6951 AE", ["De Binnenhof"])).toEqual({ street: "De Binnenhof", houseNumber: "3", houseNumberSuffix: null, postcode: "6951AE" });
  });

  it("gives null for a line without a street and number", () => {
    expect(parseFullAddress("6951 AB Dieren")).toBeNull();
    expect(parseFullAddress("")).toBeNull();
  });
});
