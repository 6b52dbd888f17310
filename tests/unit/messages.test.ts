import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import nl from "@/lib/i18n/messages/nl";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("have the same keys in Dutch and English", () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it("have no empty texts", () => {
    for (const messages of [nl, en]) {
      const empty = keys(messages).filter((key) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages) === "");
      expect(empty).toEqual([]);
    }
  });
});
