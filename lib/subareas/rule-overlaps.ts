import { specificity, streetKey, type AddressRuleInput } from "./address";

export interface Overlap<R extends AddressRuleInput> {
  a: R;
  b: R;
  /** Equal specificity: which subarea an address gets depends on rule order — fix it. */
  ambiguous: boolean;
}

function rangesOverlap(aFrom: string | number | null, aTo: string | number | null, bFrom: string | number | null, bTo: string | number | null): boolean {
  const lowOk = aTo === null || bFrom === null || bFrom <= aTo;
  const highOk = bTo === null || aFrom === null || aFrom <= bTo;
  return lowOk && highOk;
}

/** Could one address satisfy both rules? */
export function rulesOverlap(a: AddressRuleInput, b: AddressRuleInput): boolean {
  if (a.street !== null && b.street !== null && streetKey(a.street) !== streetKey(b.street)) return false;
  if (a.parity !== "ALL" && b.parity !== "ALL" && a.parity !== b.parity) return false;
  if (!rangesOverlap(a.houseNumberFrom, a.houseNumberTo, b.houseNumberFrom, b.houseNumberTo)) return false;
  // A street-only rule and a postcode-only rule may describe the same houses: we cannot know
  // a street's postcodes, so they count as overlapping only when both constrain postcodes.
  if ((a.postcodeFrom || a.postcodeTo) && (b.postcodeFrom || b.postcodeTo)) {
    return rangesOverlap(a.postcodeFrom, a.postcodeTo, b.postcodeFrom, b.postcodeTo);
  }
  return a.street !== null && b.street !== null ? true : !(a.postcodeFrom || a.postcodeTo) && !(b.postcodeFrom || b.postcodeTo);
}

/** Pairs of rules of different subareas that can match the same address. */
export function findOverlaps<R extends AddressRuleInput>(rules: readonly R[]): Overlap<R>[] {
  const found: Overlap<R>[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (a.subareaId === b.subareaId || !rulesOverlap(a, b)) continue;
      found.push({ a, b, ambiguous: specificity(a) === specificity(b) });
    }
  }
  return found;
}
