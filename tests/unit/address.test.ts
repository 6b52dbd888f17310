import { describe, expect, it } from "vitest";
import { formatPostcode, matchAddress, normalisePostcode, streetKey, type AddressRuleInput } from "@/lib/subareas/address";

const rule = (over: Partial<AddressRuleInput> & { id: number; subareaId: number }): AddressRuleInput => ({
  street: null, postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL", ...over,
});

describe("postcodes", () => {
  it.each([
    ["6951 AB", "6951AB"], ["6951ab", "6951AB"], [" 6951 ab ", "6951AB"], ["6951Ab", "6951AB"],
  ])("normalises %j to %j", (input, expected) => expect(normalisePostcode(input)).toBe(expected));

  it.each(["0951AB", "695AB", "6951 A", "6951 SA", "6951SS", "6951 SD", "69511AB", "ABCD 12", ""])(
    "refuses %j", (input) => expect(normalisePostcode(input)).toBeNull(),
  );

  it("formats with a space", () => expect(formatPostcode("6951AB")).toBe("6951 AB"));
});

describe("street names", () => {
  it("ignore case, accents, punctuation and spacing", () => {
    expect(streetKey("  Admiraal   Helfrichlaan ")).toBe(streetKey("admiraal helfrichlaan"));
    expect(streetKey("Rue de l'Église")).toBe(streetKey("rue de l eglise"));
    expect(streetKey("Kerkstraat")).not.toBe(streetKey("Kerkweg"));
  });
});

describe("matching an address to a subarea", () => {
  const rules = [
    rule({ id: 1, subareaId: 1, street: "Kerkstraat" }),
    rule({ id: 2, subareaId: 2, street: "Kerkstraat", houseNumberFrom: 100, houseNumberTo: 199 }),
    rule({ id: 3, subareaId: 3, street: "Admiraal Helfrichlaan", parity: "ODD" }),
    rule({ id: 4, subareaId: 4, street: "Admiraal Helfrichlaan", parity: "EVEN" }),
    rule({ id: 5, subareaId: 5, postcodeFrom: "6953AA", postcodeTo: "6953ZZ" }),
  ];
  const at = (street: string, houseNumber: number, postcode = "6951AA") => matchAddress(rules, { street, houseNumber, postcode })?.id ?? null;

  it("matches a whole street", () => expect(at("kerkstraat", 12)).toBe(1));
  it("prefers a house-number range over the whole street", () => expect(at("Kerkstraat", 150)).toBe(2));
  it("splits a street by odd and even numbers", () => {
    expect(at("Admiraal Helfrichlaan", 7)).toBe(3);
    expect(at("Admiraal Helfrichlaan", 8)).toBe(4);
  });
  it("falls back to a postcode range", () => expect(at("Zuiderlaan", 3, "6953AB")).toBe(5));
  it("prefers a street rule over a postcode range", () => expect(at("Kerkstraat", 3, "6953AB")).toBe(1));
  it("returns null outside every rule", () => expect(at("Dorpsstraat", 1, "6811AA")).toBeNull());
  it("breaks ties by the oldest rule", () => {
    const twins = [rule({ id: 9, subareaId: 9, street: "Molenweg" }), rule({ id: 8, subareaId: 8, street: "Molenweg" })];
    expect(matchAddress(twins, { street: "Molenweg", houseNumber: 1, postcode: "6951AA" })?.id).toBe(8);
  });
});
