/**
 * Street names as residents write them, matched against the neighbourhood's own streets (the
 * streets of its address rules, and the postcodes known for them). Pure; no server imports.
 * docs/decisions/010-address-matching.md says why it works this way.
 *
 * - Abbreviations are the same street: titles and ranks ("Adm.", "Burg.", "Dr.", "Prof.",
 *   "Jhr.", "Mr.", "St.", "Gen.", "Kon.", "Pr.") and street-type endings ("Kerkstr.",
 *   "Helfrichln", "Marktpln", "Stationswg", "Parksngl", "Havenkd", "Oudegr"); spaces, hyphens,
 *   dots, case and accents do not count ("Stations-weg" = "Stationsweg").
 * - One typing error (a letter wrong, missing, extra, or two swapped) in a name of five or more
 *   letters is the same street when the postcode is known for it — a Dutch six-character
 *   postcode names one street segment — and a question ("Bedoel je Kerkstraat?") otherwise.
 * - A street the neighbourhood does not know, with a postcode it does know, is a question for
 *   the resident (the postcode's street) and, when they keep what they typed, for a coordinator.
 */
import { streetKey } from "./address";

/** What the neighbourhood knows: its streets and, per postcode, the streets found there. */
export interface StreetBook {
  /** Comparison key (see `compactStreetKey`) → the street as the rules write it. */
  streets: Map<string, string>;
  /** "6951AB" → keys of the streets known at that postcode. */
  postcodes: Map<string, Set<string>>;
  /** Four-digit postcode areas the neighbourhood has addresses or rules in ("6951"). */
  areas: Set<string>;
}

export type StreetMatch =
  /** The street, as the neighbourhood writes it; `corrected` when it was spelt otherwise. */
  | { kind: "known"; street: string; corrected: boolean }
  /** Probably this street, but the resident should say so. */
  | { kind: "uncertain"; suggestion: string }
  | { kind: "unknown" };

// Titles and ranks, each with the words it abbreviates; every spelling compares as the first.
const TITLES: readonly (readonly string[])[] = [
  ["adm", "admiraal"],
  ["burg", "burgemeester", "burgem"],
  ["dr", "doctor", "dokter"],
  ["prof", "professor"],
  ["jhr", "jonkheer", "jkhr"],
  ["mr", "meester"],
  ["st", "sint", "sinte"],
  ["gen", "generaal"],
  ["kon", "koning", "koningin"],
  ["pr", "prins", "prinses"],
  ["gr", "graaf", "gravin"],
  ["ds", "dominee"],
  ["luit", "luitenant"],
  ["kap", "kapitein"],
  ["v", "van"],
];
const TITLE = new Map(TITLES.flatMap((forms) => forms.map((form) => [form, forms[0]!] as const)));

// Street-type endings as written at the end of the name, joined or apart: "Kerkstr", "Kerk str".
// Not "st" (that is also "Sint", and "Horst" is no "Horstraat").
const ENDINGS: readonly [RegExp, string][] = [
  // Longest first: "pln" is plein before "ln" is laan.
  [/(?:plnts|plnsn)$/u, "plantsoen"],
  [/(?:pln|pl)$/u, "plein"],
  [/(?:str|strt)$/u, "straat"],
  [/ln$/u, "laan"],
  [/wg$/u, "weg"],
  [/(?:sngl|sgl)$/u, "singel"],
  [/kd$/u, "kade"],
  [/(?:gr|grcht)$/u, "gracht"],
  [/dk$/u, "dijk"],
  [/pk$/u, "park"],
];
// A name that already ends in a full street type is left alone.
const FULL_ENDINGS = /(?:straat|laan|plein|weg|singel|kade|gracht|dijk|plantsoen|hof|park|pad|steeg|dreef|erf|markt|baan|ring|veld|wal)$/u;

/**
 * The comparison key of a street name: accents, case, punctuation and spacing ignored, titles
 * and street-type endings written out one way. "Adm. Helfrichln" and "Admiraal Helfrichlaan"
 * both give "admhelfrichlaan"; "Stations-weg" gives "stationsweg".
 */
export function compactStreetKey(street: string): string {
  const words = streetKey(street).split(" ").filter(Boolean);
  if (words.length === 0) return "";
  let tail = words.pop()!;
  // Titles stand before the name, never as its last word.
  const head = words.map((word) => TITLE.get(word) ?? word).join(" ").replace(/\bv (?:der|den|de|d)\b/gu, "vd");
  if (!FULL_ENDINGS.test(tail) && (tail.length > 3 || words.length > 0)) {
    const ending = ENDINGS.find(([pattern]) => pattern.test(tail));
    if (ending) tail = tail.replace(ending[0], ending[1]);
  }
  return `${head.replace(/ /gu, "")}${tail}`;
}

/** Builds the book from the rules' streets and postcodes and the (postcode, street) pairs known from earlier applications. */
export function buildStreetBook(
  rules: readonly { street: string | null; postcodeFrom: string | null; postcodeTo: string | null }[],
  known: readonly { postcode: string; street: string }[] = [],
): StreetBook {
  const book: StreetBook = { streets: new Map(), postcodes: new Map(), areas: new Set() };
  const addPostcode = (postcode: string, key: string) => {
    let keys = book.postcodes.get(postcode);
    if (!keys) book.postcodes.set(postcode, (keys = new Set()));
    keys.add(key);
    book.areas.add(postcode.slice(0, 4));
  };
  for (const rule of rules) {
    if (rule.postcodeFrom) book.areas.add(rule.postcodeFrom.slice(0, 4));
    if (rule.postcodeTo) book.areas.add(rule.postcodeTo.slice(0, 4));
    if (!rule.street) continue;
    const key = compactStreetKey(rule.street);
    if (!book.streets.has(key)) book.streets.set(key, rule.street);
    if (rule.postcodeFrom && rule.postcodeFrom === rule.postcodeTo) addPostcode(rule.postcodeFrom, key);
  }
  for (const { postcode, street } of known) {
    const key = compactStreetKey(street);
    if (book.streets.has(key)) addPostcode(postcode, key);
  }
  return book;
}

/** At most one edit apart (Damerau: a swap of two neighbours counts as one). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i); // one letter extra or missing
}

/** Whether a postcode lies in a four-digit area the neighbourhood has addresses or rules in. */
export function postcodeInArea(book: StreetBook, postcode: string): boolean {
  return book.areas.has(postcode.slice(0, 4));
}

/**
 * The neighbourhood's street the resident meant, if any (see the module comment).
 * `postcode` is normalised ("6951AB") or empty.
 */
export function matchStreet(book: StreetBook, typed: string, postcode: string): StreetMatch {
  const key = compactStreetKey(typed);
  const exact = book.streets.get(key);
  if (exact) return { kind: "known", street: exact, corrected: exact !== typed.trim() };
  const atPostcode = postcode ? book.postcodes.get(postcode) : undefined;
  const near = key.length >= 5 ? [...book.streets.keys()].filter((candidate) => candidate.length >= 5 && withinOneEdit(key, candidate)) : [];
  if (near.length === 1) {
    const street = book.streets.get(near[0]!)!;
    return atPostcode?.has(near[0]!) ? { kind: "known", street, corrected: true } : { kind: "uncertain", suggestion: street };
  }
  const confirmed = near.filter((candidate) => atPostcode?.has(candidate));
  if (confirmed.length === 1) return { kind: "known", street: book.streets.get(confirmed[0]!)!, corrected: true };
  // The postcode names one street: that is the likely one.
  if (atPostcode?.size === 1) return { kind: "uncertain", suggestion: book.streets.get([...atPostcode][0]!)! };
  if (near.length > 1) return { kind: "uncertain", suggestion: book.streets.get(near[0]!)! };
  return { kind: "unknown" };
}
