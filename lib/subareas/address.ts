/**
 * Dutch addresses as residents type them, and the subarea rules they fall under.
 * Pure functions: used by the apply form, the rule editor's tester, intake and the seed.
 */
import { formatHouseNumber } from "../applications/parse-house-number";

export type Parity = "ALL" | "ODD" | "EVEN";

export interface AddressRuleInput {
  id: number;
  subareaId: number;
  street: string | null;
  postcodeFrom: string | null;
  postcodeTo: string | null;
  houseNumberFrom: number | null;
  houseNumberTo: number | null;
  parity: Parity;
}

export interface Address {
  street: string;
  houseNumber: number;
  postcode: string;
}

// Dutch postcodes: four digits not starting with 0, two letters; SA, SD and SS are never issued.
const POSTCODE = /^([1-9][0-9]{3})\s?(?!SA|SD|SS)([A-Z]{2})$/;

/** "6951 ab" → "6951AB"; null when it is not a Dutch postcode. */
export function normalisePostcode(input: string): string | null {
  const match = POSTCODE.exec(input.trim().toUpperCase());
  return match ? `${match[1]}${match[2]}` : null;
}

/** "6951AB" → "6951 AB", as Dutch post writes it. */
export function formatPostcode(postcode: string): string {
  return postcode.length === 6 ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;
}

/** A comparison key for street names: case, accents, punctuation and spacing ignored. */
export function streetKey(street: string): string {
  return street
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function inPostcodeRange(rule: AddressRuleInput, postcode: string): boolean {
  if (rule.postcodeFrom && postcode < rule.postcodeFrom) return false;
  if (rule.postcodeTo && postcode > rule.postcodeTo) return false;
  return true;
}

function inNumberRange(rule: AddressRuleInput, n: number): boolean {
  if (rule.houseNumberFrom !== null && n < rule.houseNumberFrom) return false;
  if (rule.houseNumberTo !== null && n > rule.houseNumberTo) return false;
  if (rule.parity === "ODD" && n % 2 === 0) return false;
  if (rule.parity === "EVEN" && n % 2 === 1) return false;
  return true;
}

export function ruleMatches(rule: AddressRuleInput, address: Address): boolean {
  if (rule.street !== null && streetKey(rule.street) !== streetKey(address.street)) return false;
  return inPostcodeRange(rule, address.postcode) && inNumberRange(rule, address.houseNumber);
}

/** A more specific rule wins: a street beats a postcode range, a number range beats a whole street. */
export function specificity(rule: AddressRuleInput): number {
  const numbers = rule.houseNumberFrom !== null || rule.houseNumberTo !== null || rule.parity !== "ALL";
  const postcode = rule.postcodeFrom !== null || rule.postcodeTo !== null;
  return (rule.street !== null ? 4 : 0) + (numbers ? 2 : 0) + (postcode ? 1 : 0);
}

/** The rule that decides the address's subarea, or null when no rule covers it. */
export function matchAddress<R extends AddressRuleInput>(rules: readonly R[], address: Address): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, address)) continue;
    if (
      !best ||
      specificity(rule) > specificity(best) ||
      (specificity(rule) === specificity(best) && rule.id < best.id)
    ) {
      best = rule;
    }
  }
  return best;
}

/** "Kerkstraat 12A-2, 6951 AB": an address as people read it (the house number as BAG writes it). */
export function formatAddress(address: { street: string; houseNumber: number; houseLetter?: string | null; houseNumberSuffix?: string | null; postcode: string }): string {
  return `${address.street} ${formatHouseNumber(address)}, ${formatPostcode(address.postcode)}`;
}
