import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type MobileResult =
  | { ok: true; e164: string }
  /** invalid: not a phone number; landline: a fixed line; notMobile: VoIP, toll-free, pager… */
  | { ok: false; reason: "required" | "invalid" | "landline" | "notMobile" };

/**
 * A mobile number as a resident types it — "06-12345678", "+31 6 1234 5678", "0031 6 …", or a
 * foreign mobile with its country code — as E.164. WhatsApp needs a mobile, so a landline is
 * refused with its own reason. Numbers without a country code are read as Dutch.
 */
export function parseMobile(input: string): MobileResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: "required" };
  if (text.length > 40) return { ok: false, reason: "invalid" };
  const phone = parsePhoneNumberFromString(text, "NL");
  if (!phone || !phone.isValid()) return { ok: false, reason: "invalid" };
  const type = phone.getType();
  // Some countries (the US, Canada) do not tell mobiles from landlines by the number itself.
  if (type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE") return { ok: true, e164: phone.number };
  return { ok: false, reason: type === "FIXED_LINE" ? "landline" : "notMobile" };
}
