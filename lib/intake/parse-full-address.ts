import { normalisePostcode, streetKey } from "../subareas/address";

const STREET_SUFFIX =
  "straat|laan|weg|plein|singel|gracht|kade|dijk|pad|hof|dreef|steeg|park|ring|markt|boulevard|allee|erf|veld|hoek|baan|wal|zijde|burg|berg|oord|akker|kamp|weide|brink|haven|werf|dal|donk|horst|heuvel|rade|straatje|stede|wijk";
const GENERIC_STREET = new RegExp(
  `((?:\\p{Lu}[\\p{L}.'’-]*\\s+(?:(?:van|de|der|den|het|ten|ter|op|in|'t)\\s+)*){0,3}\\p{L}[\\p{L}'’-]*(?:${STREET_SUFFIX}))\\s+(\\d{1,5})(?!\\d)`,
  "gu",
);
export const POSTCODE_ANY_CASE = /(?<![\p{L}\d])([1-9]\d{3})\s?(?!sa|sd|ss|SA|SD|SS)([a-zA-Z]{2})(?![\p{L}\d])/u;

/** An address as written in one line, split: the house number's addition as typed after it. */
export interface FullAddress {
  street: string;
  houseNumber: string;
  houseNumberSuffix: string | null;
  postcode: string | null;
}

/** The addition right after a house number: "12a", "45-2", "30 B", "12 bis". */
export function additionAfter(rest: string): string | null {
  const match =
    /^([a-zA-Z]{1,3})(?![\p{L}\d])/u.exec(rest) ??
    /^\s?-\s?(\d{1,4}|[a-zA-Z]{1,3})(?![\p{L}\d])/u.exec(rest) ??
    /^\s([A-Z])(?![\p{L}\d])/u.exec(rest) ??
    /^\s(bis)(?![\p{L}\d])/iu.exec(rest);
  return match ? match[1]! : null;
}

function postcodeNear(text: string): string | null {
  const match = POSTCODE_ANY_CASE.exec(text.slice(0, 60));
  return match ? normalisePostcode(`${match[1]}${match[2]}`) : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A known street with a number, in any case and spacing, returned as the rules write it. */
export function findKnownStreet(text: string, knownStreets: readonly string[]): FullAddress | null {
  if (knownStreets.length === 0) return null;
  const streets = [...new Set(knownStreets)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}])(${streets.map((s) => escapeRegExp(s).replace(/\s+/g, "\\s+")).join("|")})\\s+(\\d{1,5})(?!\\d)`, "giu");
  const match = pattern.exec(text);
  if (!match) return null;
  const canonical = streets.find((s) => streetKey(s) === streetKey(match[1]!)) ?? match[1]!;
  const rest = text.slice(match.index + match[0].length);
  return { street: canonical, houseNumber: match[2]!, houseNumberSuffix: additionAfter(rest), postcode: postcodeNear(rest) };
}

export function findGenericStreet(text: string): FullAddress | null {
  GENERIC_STREET.lastIndex = 0;
  const match = GENERIC_STREET.exec(text);
  if (!match) return null;
  const rest = text.slice(match.index + match[0].length);
  return { street: match[1]!.replace(/\s+/g, " "), houseNumber: match[2]!, houseNumberSuffix: additionAfter(rest), postcode: postcodeNear(rest) };
}

/**
 * One address written on one line — "Kerkstraat 12a, 6951 AB Dieren", "Beukenlaan 12a 6951AC",
 * "Stationsweg 45-2", "6951 AB Dieren, Kerkstraat 21" — split into street, house number, the
 * addition typed after it and the postcode ("6951AB"; null when the line has none). A street of
 * `knownStreets` (the subareas' rules) is found in any case and spacing and returned as the
 * rules write it; else any words ending in a street word (-straat, -laan, -weg, …) or, last,
 * the words before the first number. Null when no street with a number is found. Used for a
 * mail's "Adres:" line and for a spreadsheet's single address column alike.
 */
export function parseFullAddress(value: string, knownStreets: readonly string[] = []): FullAddress | null {
  const line = value.trim();
  const address =
    findKnownStreet(line, knownStreets) ??
    findGenericStreet(line) ??
    (() => {
      const match = /^(\p{L}[\p{L}\s.'’-]*?)\s+(\d{1,5})(?!\d)/u.exec(line);
      if (!match) return null;
      const rest = line.slice(match[0].length);
      return { street: match[1]!.trim(), houseNumber: match[2]!, houseNumberSuffix: additionAfter(rest), postcode: postcodeNear(rest) };
    })();
  if (!address || address.postcode) return address;
  // The postcode written before the street.
  const postcode = POSTCODE_ANY_CASE.exec(line);
  return { ...address, postcode: postcode ? normalisePostcode(`${postcode[1]}${postcode[2]}`) : null };
}
