export type HouseNumberResult =
  | { ok: true; houseNumber: number; suffix: string | null }
  | { ok: false; reason: "required" | "invalid" };

// "12", "12a", "12 A", "12-2", "12/3", "12 bis", "12-hs": a number up to 99999 and an addition.
const HOUSE_NUMBER = /^(\d{1,5})\s*(?:[-/]\s*)?([\p{L}\d]{1,6})?$/u;
const ADDITION = /^[\p{L}\d]{1,6}$/u;

/** A house number with an optional addition typed after it: "12a" → 12 and "a". */
export function parseHouseNumber(input: string): HouseNumberResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: "required" };
  const match = HOUSE_NUMBER.exec(text);
  const houseNumber = match ? Number(match[1]) : 0;
  if (!match || houseNumber < 1) return { ok: false, reason: "invalid" };
  return { ok: true, houseNumber, suffix: match[2] ?? null };
}

/** An addition typed in its own field ("a", "-2", "bis"): null when empty, undefined when not one. */
export function parseAddition(input: string): string | null | undefined {
  const text = input.trim().replace(/^[-/\s]+/, "");
  if (!text) return null;
  return ADDITION.test(text) ? text : undefined;
}
