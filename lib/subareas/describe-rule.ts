import { formatPostcode, type Parity } from "./address";

export interface RuleLike {
  street: string | null;
  postcodeFrom: string | null;
  postcodeTo: string | null;
  houseNumberFrom: number | null;
  houseNumberTo: number | null;
  parity: Parity;
}

/** The `staff.rules` texts a rule is described with. */
export type RuleWords = (key: "anyStreet" | "numbers" | "odd" | "even" | "postcodes", values?: Record<string, string | number>) => string;

/** An address rule in words: "Kerkstraat, nummers 1–99, oneven, postcodes 6951 AA–6951 ZZ". */
export function describeRule(rule: RuleLike, t: RuleWords): string {
  const parts: string[] = [];
  parts.push(rule.street ?? t("anyStreet"));
  if (rule.houseNumberFrom !== null || rule.houseNumberTo !== null) {
    parts.push(t("numbers", { from: rule.houseNumberFrom ?? 1, to: rule.houseNumberTo ?? "…" }));
  }
  if (rule.parity !== "ALL") parts.push(t(rule.parity === "ODD" ? "odd" : "even"));
  if (rule.postcodeFrom || rule.postcodeTo) {
    parts.push(t("postcodes", { from: formatPostcode(rule.postcodeFrom ?? "…"), to: formatPostcode(rule.postcodeTo ?? "…") }));
  }
  return parts.join(", ");
}
