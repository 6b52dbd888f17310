import "server-only";
import type { Tx } from "../db/scope";
import type { Address } from "./address";
import { addressBookOf, needsKnownPostcodes, type AddressBook } from "./classify-address";
import { loadSubareaRules } from "./load-subarea-rules";

/**
 * The matcher's knowledge for these addresses: the rules, and — only when the rules alone do
 * not place one of them — the streets earlier matched applications have at the postcodes of the
 * same four-digit areas (the postcode is the strong signal: one street segment). One query for
 * the rules, at most one more (Application_postcode_idx). Runs in the caller's scope, which must
 * see every application (service or coordinator).
 */
export async function loadAddressBook(tx: Tx, addresses: readonly Address[]): Promise<AddressBook> {
  const rules = await loadSubareaRules(tx);
  const book = addressBookOf(rules);
  const areas = [...new Set(addresses.filter((a) => a.postcode && needsKnownPostcodes(book, a)).map((a) => a.postcode.slice(0, 4)))];
  if (areas.length === 0) return book;
  const known = await tx.$queryRaw<{ postcode: string; street: string }[]>`
    SELECT DISTINCT postcode, street FROM "Application"
    WHERE postcode >= ANY(${areas.map((area) => `${area}AA`)}) AND postcode <= ANY(${areas.map((area) => `${area}ZZ`)})
      AND substr(postcode, 1, 4) = ANY(${areas}) AND "matchedRuleId" IS NOT NULL AND "anonymisedAt" IS NULL`;
  return addressBookOf(rules, known);
}
