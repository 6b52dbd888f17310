import { describe, expect, it } from "vitest";
import { displayPhone, parseMobile } from "@/lib/phone/mobile";

describe("mobile numbers", () => {
  it.each([
    ["06-12345678", "+31612345678"],
    ["0612345678", "+31612345678"],
    ["06 12 34 56 78", "+31612345678"],
    ["(06) 12345678", "+31612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["+31612345678", "+31612345678"],
    ["0031 6 1234 5678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    ["+44 7911 123456", "+447911123456"],
    ["+49 1512 3456789", "+4915123456789"],
    ["+32 470 12 34 56", "+32470123456"],
  ])("accepts %s as %s", (input, e164) => {
    expect(parseMobile(input)).toEqual({ ok: true, e164 });
  });

  it.each(["026-1234567", "0313-123456", "+31 26 123 4567", "020 123 4567"])("refuses the landline %s with its own reason", (input) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason: "landline" });
  });

  it.each(["085-1234567", "0800-1234"])("refuses %s, which is no mobile number", (input) => {
    expect(parseMobile(input)).toMatchObject({ ok: false });
    expect(parseMobile(input)).not.toEqual({ ok: false, reason: "landline" });
  });

  it.each(["", "0612", "06-1234567x", "hello", "+31 6 1234 56789 0", "06\u202E12345678", "'; DROP TABLE x;--", "0".repeat(40)])("refuses %j as invalid", (input) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason: "invalid" });
  });

  it.each([
    ["+31610427626", "06 10427626"],
    ["+31612345678", "06 12345678"],
    ["+32470123456", "+32 470 12 34 56"],
    ["+447911123456", "+44 7911 123456"],
    ["+4915123456789", "+49 1512 3456789"],
  ])("shows the stored %s as %s (Dutch nationally, foreign internationally)", (e164, shown) => {
    expect(displayPhone(e164)).toBe(shown);
  });

  it.each(["", "0612", "niet bekend"])("shows %j, which does not parse, as it is", (stored) => {
    expect(displayPhone(stored)).toBe(stored);
  });

  it("shows what it parses back to the same number", () => {
    for (const e164 of ["+31610427626", "+32470123456", "+447911123456"]) {
      expect(parseMobile(displayPhone(e164))).toEqual({ ok: true, e164 });
    }
  });
});
