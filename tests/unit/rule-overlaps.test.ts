import { describe, expect, it } from "vitest";
import type { AddressRuleInput } from "@/lib/subareas/address";
import { findOverlaps, rulesOverlap } from "@/lib/subareas/rule-overlaps";

const rule = (over: Partial<AddressRuleInput> & { id: number; subareaId: number }): AddressRuleInput => ({
  street: null, postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL", ...over,
});

describe("overlapping address rules", () => {
  it("sees the same street in two subareas as an ambiguous overlap", () => {
    const a = rule({ id: 1, subareaId: 1, street: "Kerkstraat" });
    const b = rule({ id: 2, subareaId: 2, street: "kerkstraat " });
    expect(findOverlaps([a, b])).toEqual([{ a, b, ambiguous: true }]);
  });

  it("does not flag odd and even sides, nor disjoint number ranges", () => {
    expect(rulesOverlap(rule({ id: 1, subareaId: 1, street: "Laan", parity: "ODD" }), rule({ id: 2, subareaId: 2, street: "Laan", parity: "EVEN" }))).toBe(false);
    expect(rulesOverlap(rule({ id: 1, subareaId: 1, street: "Laan", houseNumberTo: 50 }), rule({ id: 2, subareaId: 2, street: "Laan", houseNumberFrom: 51 }))).toBe(false);
    expect(rulesOverlap(rule({ id: 1, subareaId: 1, street: "Laan", houseNumberTo: 50 }), rule({ id: 2, subareaId: 2, street: "Laan", houseNumberFrom: 50 }))).toBe(true);
  });

  it("flags a number range inside a whole street as resolved (the specific rule wins)", () => {
    const [overlap] = findOverlaps([rule({ id: 1, subareaId: 1, street: "Laan" }), rule({ id: 2, subareaId: 2, street: "Laan", houseNumberFrom: 1, houseNumberTo: 9 })]);
    expect(overlap?.ambiguous).toBe(false);
  });

  it("compares postcode ranges", () => {
    expect(rulesOverlap(rule({ id: 1, subareaId: 1, postcodeFrom: "6953AA", postcodeTo: "6953ZZ" }), rule({ id: 2, subareaId: 2, postcodeFrom: "6953MA", postcodeTo: "6954ZZ" }))).toBe(true);
    expect(rulesOverlap(rule({ id: 1, subareaId: 1, postcodeFrom: "6951AA", postcodeTo: "6951ZZ" }), rule({ id: 2, subareaId: 2, postcodeFrom: "6952AA" }))).toBe(false);
  });

  it("ignores rules of the same subarea", () => {
    expect(findOverlaps([rule({ id: 1, subareaId: 1, street: "Laan" }), rule({ id: 2, subareaId: 1, street: "Laan" })])).toEqual([]);
  });

  it("finds no ambiguous overlap in the demo rules", async () => {
    const { SUBAREAS } = await import("@/prisma/seed/dieren-west");
    let id = 0;
    const rules = SUBAREAS.flatMap((s, i) => s.rules.map((r) => rule({ id: ++id, subareaId: i + 1, ...r })));
    expect(findOverlaps(rules).filter((o) => o.ambiguous)).toEqual([]);
  });
});
