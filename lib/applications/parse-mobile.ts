import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type MobileResult = { ok: true; e164: string } | { ok: false; reason: "invalid" | "notMobile" };

/**
 * A mobile number as a resident types it — 06-12345678, +31 6 1234 5678, 0031 6…, or a
 * foreign mobile — as E.164. Landlines are refused: WhatsApp needs a mobile number.
 */
export function parseMobile(input: string): MobileResult {
  const phone = parsePhoneNumberFromString(input.trim().replace(/^00/, "+"), "NL");
  if (!phone?.isValid()) return { ok: false, reason: "invalid" };
  const type = phone.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return { ok: false, reason: "notMobile" };
  return { ok: true, e164: phone.number };
}
