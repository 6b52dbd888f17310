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

/**
 * A stored number (E.164) as people read it — the one display function for every page, list and
 * human-read export: a Dutch number in the national form ("+31610427626" → "06 10427626"), a
 * foreign one in the international form ("+32470123456" → "+32 470 12 34 56"). A value that does
 * not parse (an old import, an empty string) is returned unchanged. Links (tel:, WhatsApp, vCard)
 * and machine exports keep E.164; this is for reading only.
 */
export function displayPhone(e164: string): string {
  const phone = e164 ? parsePhoneNumberFromString(e164) : undefined;
  if (!phone) return e164;
  return phone.country === "NL" ? phone.formatNational() : phone.formatInternational();
}
