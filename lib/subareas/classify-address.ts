import { matchAddress, type Address, type AddressRuleInput } from "./address";
import { buildStreetBook, matchStreet, postcodeInArea, type StreetBook } from "./match-street";

/** An address rule with the status of its subarea (retired subareas' rules are left out). */
export interface SubareaRule extends AddressRuleInput {
  subareaStatus: "ACTIVE" | "PROPOSED";
  subareaName: string;
}

/** What the matcher knows: the rules, and the streets and postcodes of the neighbourhood. */
export interface AddressBook {
  rules: readonly SubareaRule[];
  streets: StreetBook;
}

/** A book from the rules alone (abbreviations and typos work; no postcode is known yet). */
export function addressBookOf(rules: readonly SubareaRule[], known: readonly { postcode: string; street: string }[] = []): AddressBook {
  return { rules, streets: buildStreetBook(rules, known) };
}

/**
 * Where an application for this address goes, by the subareas' rules — the one matcher every
 * way in uses (the apply form, the resident's corrections, mailbox intake, imports, the tester):
 * - covered: a subarea with a group → `NEW`, with that subarea suggested;
 * - waiting: an area without a group yet → `WAITING`, with that (proposed) subarea suggested;
 *   both give `street` as the neighbourhood writes it ("Adm. Helfrichln" → "Admiraal Helfrichlaan");
 * - uncertain: probably `suggestion` (one typo without the postcode to confirm it, or the
 *   postcode's own street): the resident is asked "Bedoel je …?";
 * - unrecognised: the street is not the neighbourhood's, the postcode is: stored as `NEW`
 *   without a subarea and marked "adres niet herkend" for a coordinator;
 * - outside: neither → refused on the web, a problem row in an import.
 * `keepTyped`: the resident said no to the suggestion; an uncertain address becomes unrecognised.
 */
export type AddressOutcome =
  | { kind: "covered"; status: "NEW"; subareaId: number; ruleId: number; street: string }
  | { kind: "waiting"; status: "WAITING"; subareaId: number; ruleId: number; street: string }
  | { kind: "uncertain"; suggestion: string }
  | { kind: "unrecognised"; status: "NEW" }
  | { kind: "outside" };

function byRule(rules: readonly SubareaRule[], address: Address): AddressOutcome | null {
  const rule = matchAddress(rules, address);
  if (!rule) return null;
  return rule.subareaStatus === "ACTIVE"
    ? { kind: "covered", status: "NEW", subareaId: rule.subareaId, ruleId: rule.id, street: address.street }
    : { kind: "waiting", status: "WAITING", subareaId: rule.subareaId, ruleId: rule.id, street: address.street };
}

export function classifyAddress(book: AddressBook, address: Address, { keepTyped = false }: { keepTyped?: boolean } = {}): AddressOutcome {
  const street = matchStreet(book.streets, address.street, address.postcode);
  if (street.kind === "known") {
    const outcome = byRule(book.rules, { ...address, street: street.street });
    if (outcome) return outcome;
  }
  // A rule by postcode alone covers any street spelling.
  const asTyped = byRule(book.rules, address);
  if (asTyped) return asTyped;
  if (street.kind === "uncertain" && !keepTyped) return { kind: "uncertain", suggestion: street.suggestion };
  return street.kind !== "known" && address.postcode && postcodeInArea(book.streets, address.postcode) ? { kind: "unrecognised", status: "NEW" } : { kind: "outside" };
}

/** Whether the book already decides the address without the postcodes of earlier applications. */
export function needsKnownPostcodes(book: AddressBook, address: Address): boolean {
  const outcome = classifyAddress(book, address);
  return outcome.kind !== "covered" && outcome.kind !== "waiting";
}
