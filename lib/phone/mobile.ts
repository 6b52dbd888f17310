import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type MobileResult = { ok: true; e164: string } | { ok: false; reason: "invalid" | "landline" | "notMobile" };

/**
 * A mobile number as a resident types it: Dutch (06-12345678, +31 6 …, 0031 6 …) or foreign
 * (+44 7…). WhatsApp needs a mobile number, so a landline is refused with its own reason.
 * Numbers whose type cannot be told apart (North America) count as mobile.
 */
export function parseMobile(input: string): MobileResult {
  const trimmed = input.trim();
  if (trimmed.length < 6 || trimmed.length > 32 || !/^[+0-9()\-.\s/]+$/.test(trimmed)) return { ok: false, reason: "invalid" };
  const phone = parsePhoneNumberFromString(trimmed, "NL");
  if (!phone || !phone.isValid()) return { ok: false, reason: "invalid" };
  const type = phone.getType();
  if (type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE") return { ok: true, e164: phone.number };
  return { ok: false, reason: type === "FIXED_LINE" ? "landline" : "notMobile" };
}

/** +31612345678 → "+31 6 12345678", for showing a stored number back to its owner. */
export function formatMobile(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
