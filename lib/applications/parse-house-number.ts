/**
 * House numbers as the Dutch address register (BAG) models them: a number (huisnummer,
 * 1–99999), an optional letter (huisletter, one letter, A–Z) and an optional addition
 * (huisnummertoevoeging, up to four letters or digits). `12A-2` is 12 + A + 2; `12-2` is 12 + 2,
 * never 122. The one parser and the one formatter for every way in and out (web form, the
 * resident's correction, the coordinator's edit, mail intake, import, exports). Pure; no
 * server imports.
 */

export interface HouseNumberParts {
  houseNumber: number;
  /** One capital letter, or null. */
  houseLetter: string | null;
  /** Up to four capitals and digits, or null (the `houseNumberSuffix` column). */
  houseNumberSuffix: string | null;
}

export type HouseNumberResult =
  | ({
      ok: true;
      /** Letter and addition as one text ("A-2", "2", "A"), for callers that keep them together. */
      suffix: string | null;
      /** The BAG letter alone. */
      letter: string | null;
      /** The BAG addition alone. */
      addition: string | null;
    } & HouseNumberParts)
  | { ok: false; reason: "required" | "invalid" };

const NUMBER_FIRST = /^(\d{1,5})(?![\d])(.*)$/su;
const SEPARATORS = /^[\s\-/.,]+|[\s\-/.,]+$/gu;
// A letter on its own: followed by a separator, a digit, the end, or a capitalised word ("LToe").
const LETTER = /^([A-Za-z])(?:[\s\-/.]+|(?=\d)|(?=[A-Z][a-z])|$)(.*)$/su;
// Floors: "1e etage", "2 hoog", "2hg", "3de verdieping", "1e"; the floor number is the addition.
const FLOOR = /^(\d{1,2})\s*(?:e|ste|de)?\s*(?:etage|et|verdieping|verd|hoog|hg)?\.?$/iu;
const ROMAN_FLOORS: Record<string, string> = { II: "2", III: "3", IV: "4", VI: "6", VII: "7", VIII: "8", IX: "9" };
// Words residents write for common additions, to the register's short form.
const WORDS: Record<string, string> = { HUIS: "HS", BOVEN: "BOV", BENEDEN: "BEN", ZWART: "ZW", ROOD: "RD" };
const ADDITION = /^[A-Z0-9]{1,4}$/u;

/** An addition typed on its own ("-2", "bis", "1e etage", "II") in the register's form, or undefined when it is not one. */
function normaliseAddition(text: string): string | null | undefined {
  const trimmed = text.normalize("NFKC").replace(SEPARATORS, "").trim();
  if (!trimmed) return null;
  const floor = FLOOR.exec(trimmed);
  if (floor && /\D/.test(trimmed)) return String(Number(floor[1]));
  // "2 3" or "2.3e" could be 2-3 or 23: ask rather than guess (12-2 must never become 122).
  if (/\d[\s.]+\d/u.test(trimmed)) return undefined;
  const upper = trimmed.toUpperCase().replace(/[\s.]+/gu, "");
  const mapped = ROMAN_FLOORS[upper] ?? WORDS[upper] ?? upper;
  // Joined up, "2.de" reads "2DE": a floor once stored and read again, so a floor now.
  const joinedFloor = FLOOR.exec(mapped);
  if (joinedFloor && /\D/.test(mapped)) return String(Number(joinedFloor[1]));
  return ADDITION.test(mapped) ? mapped : undefined;
}

/** What follows the number: an optional letter, then an optional addition. */
function parseTail(text: string): { letter: string | null; addition: string | null } | null {
  const tail = text.normalize("NFKC").replace(SEPARATORS, "");
  if (!tail) return { letter: null, addition: null };
  // "1e etage", "II": a floor, not a letter.
  const whole = normaliseAddition(tail);
  if (whole !== undefined && (FLOOR.test(tail) || ROMAN_FLOORS[tail.toUpperCase()])) return { letter: null, addition: whole };
  const letter = LETTER.exec(tail);
  if (letter) {
    const addition = normaliseAddition(letter[2]!);
    return addition === undefined ? null : { letter: letter[1]!.toUpperCase(), addition };
  }
  return whole === undefined ? null : { letter: null, addition: whole };
}

/**
 * A house number as typed, with an optional addition typed in its own field:
 * "12a" → 12 + A; "12-2" → 12 + addition 2; "12A-2", "12 A 2", ("12", "A-2") → 12 + A + 2;
 * "12 bis", "12hs", "12 1e etage" (→ 1), "12-II" (→ 2). A single letter after the number is the
 * letter, never an addition. `reason` is "required" when empty, "invalid" otherwise.
 */
export function parseHouseNumber(input: string, additionInput = ""): HouseNumberResult {
  const text = input.normalize("NFKC").trim();
  if (!text) return { ok: false, reason: "required" };
  const match = NUMBER_FIRST.exec(text);
  const houseNumber = match ? Number(match[1]) : 0;
  if (!match || houseNumber < 1) return { ok: false, reason: "invalid" };
  const extra = additionInput.trim();
  const tail = parseTail(extra ? `${match[2]!.trim()} ${extra.replace(SEPARATORS, "")}`.trim() : match[2]!);
  if (!tail) return { ok: false, reason: "invalid" };
  const parts = { houseNumber, houseLetter: tail.letter, houseNumberSuffix: tail.addition };
  return { ok: true, ...parts, letter: tail.letter, addition: tail.addition, suffix: formatHouseNumberTail(parts) };
}

/**
 * An addition typed in its own field ("a", "-2", "bis", "A-2"): letter and addition as one text
 * ("A-2"), null when empty, undefined when it is not one.
 */
export function parseAddition(input: string): string | null | undefined {
  const tail = parseTail(input);
  if (!tail) return undefined;
  return formatHouseNumberTail({ houseLetter: tail.letter, houseNumberSuffix: tail.addition });
}

function formatHouseNumberTail({ houseLetter, houseNumberSuffix }: Pick<HouseNumberParts, "houseLetter" | "houseNumberSuffix">): string | null {
  if (!houseLetter && !houseNumberSuffix) return null;
  return `${houseLetter ?? ""}${houseLetter && houseNumberSuffix ? "-" : ""}${houseNumberSuffix ?? ""}`;
}

/**
 * A house number for people and files: 12, 12A, 12-2, 12A-2, 12-BIS. Parsing the result gives
 * the same parts back (tests/unit/house-number.test.ts). Accepts the stored columns as they are.
 */
export function formatHouseNumber({ houseNumber, houseLetter, houseNumberSuffix }: { houseNumber: number; houseLetter?: string | null; houseNumberSuffix?: string | null }): string {
  return `${houseNumber}${houseLetter ?? ""}${houseNumberSuffix ? `-${houseNumberSuffix}` : ""}`;
}
