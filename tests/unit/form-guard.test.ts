import { describe, expect, it } from "vitest";
import { checkFormGuard, FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from "@/lib/public-forms/form-guard";

const T0 = 1_800_000_000_000;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const check = (data: FormData, seconds: number) => checkFormGuard("apply", data, { now: T0 + seconds * 1000, minSeconds: 3 });

describe("the public forms' spam guard", () => {
  it("lets a person through who took a few seconds and left the honeypot empty", () => {
    expect(check(form({ [FORM_TOKEN_FIELD]: issueFormToken("apply", T0), [HONEYPOT_FIELD]: "" }), 5)).toBe("ok");
  });

  it("hands a form sent faster than the minimum back to be sent again", () => {
    expect(check(form({ [FORM_TOKEN_FIELD]: issueFormToken("apply", T0), [HONEYPOT_FIELD]: "" }), 1)).toBe("tooFast");
  });

  it("treats a filled honeypot as a bot", () => {
    expect(check(form({ [FORM_TOKEN_FIELD]: issueFormToken("apply", T0), [HONEYPOT_FIELD]: "http://spam" }), 10)).toBe("bot");
  });

  it("refuses a forged, foreign, missing or day-old token", () => {
    const token = issueFormToken("apply", T0);
    const [issued, signature] = token.split(".");
    expect(check(form({ [FORM_TOKEN_FIELD]: `${Number(issued) - 60_000}.${signature}`, [HONEYPOT_FIELD]: "" }), 5)).toBe("stale");
    expect(check(form({ [FORM_TOKEN_FIELD]: issueFormToken("contact", T0), [HONEYPOT_FIELD]: "" }), 5)).toBe("stale");
    expect(check(form({ [HONEYPOT_FIELD]: "" }), 5)).toBe("stale");
    expect(check(form({ [FORM_TOKEN_FIELD]: token }), 5)).toBe("stale");
    expect(check(form({ [FORM_TOKEN_FIELD]: "x".repeat(500), [HONEYPOT_FIELD]: "" }), 5)).toBe("stale");
    expect(check(form({ [FORM_TOKEN_FIELD]: token, [HONEYPOT_FIELD]: "" }), 25 * 3600)).toBe("stale");
  });

  it("refuses a token signed with another secret", () => {
    const foreign = `${T0}.${"A".repeat(43)}`;
    expect(check(form({ [FORM_TOKEN_FIELD]: foreign, [HONEYPOT_FIELD]: "" }), 5)).toBe("stale");
  });
});
