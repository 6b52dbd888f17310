import { formatPostcode } from "./address";

export interface RuleLike {
  street: string | null;
  postcodeFrom: string | null;
  postcodeTo: string | null;
  houseNumberFrom: number | null;
  houseNumberTo: number | null;
  parity: "ALL" | "ODD" | "EVEN";
}

/** The words of a rule, in the reader's language (staff.rules in the message files). */
export interface RuleWords {
  anyStreet: string;
  odd: string;
  even: string;
  numbers(from: number, to: number | string): string;
  postcodes(from: string, to: string): string;
}

/**
 * An address rule as the coordinator reads it in the rule list — "Kerkstraat, nummers 1–99,
 * oneven nummers" — so the tester and the detail page name a rule by what it says, not by an
 * id shown nowhere.
 */
export function describeRule(rule: RuleLike, words: RuleWords): string {
  const parts = [rule.street ?? words.anyStreet];
  if (rule.houseNumberFrom !== null || rule.houseNumberTo !== null) parts.push(words.numbers(rule.houseNumberFrom ?? 1, rule.houseNumberTo ?? "…"));
  if (rule.parity !== "ALL") parts.push(rule.parity === "ODD" ? words.odd : words.even);
  if (rule.postcodeFrom || rule.postcodeTo) parts.push(words.postcodes(formatPostcode(rule.postcodeFrom ?? "…"), formatPostcode(rule.postcodeTo ?? "…")));
  return parts.join(", ");
}
