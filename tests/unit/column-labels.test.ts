// One label per application column (lib/applications/column-labels.ts): the history and the
// staff forms take the register's label where their own words would be the same, and keep their
// own words where they differ. What a reader sees is pinned here, in both languages.
import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en";
import nl from "@/lib/i18n/messages/nl";

const state = vi.hoisted(() => ({ locale: "nl" as "nl" | "en" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: state.locale, messages: state.locale === "nl" ? nl : en, namespace: namespace as never }),
}));

const { historyFieldLabel, staffFieldLabel } = await import("@/lib/applications/column-labels");

/** The texts of the "staff" namespace as the kernel's formMessages finds them. */
function staffTexts(messages: typeof nl) {
  const t = createTranslator({ locale: "nl", messages });
  return {
    label: (field: string) => (messages.staff.fields as Record<string, string>)[field],
    say: (key: string) => (t as unknown as (key: string) => string)(key),
  };
}

describe("an application column's label", () => {
  it("in the history: the register's word where it is the same, the history's own word where not", async () => {
    state.locale = "nl";
    const nlLabel = await historyFieldLabel();
    expect((["name", "mobile", "street", "houseNumber", "houseLetter", "houseNumberSuffix", "postcode", "email", "notes", "inGroup"] as const).map((f) => nlLabel(f))).toEqual([
      "naam", "mobiel nummer", "straat", "huisnummer", "huisletter", "toevoeging", "postcode", "e-mailadres", "interne notities", "in de WhatsApp-groep",
    ]);
    state.locale = "en";
    const enLabel = await historyFieldLabel();
    expect((["name", "mobile", "street", "houseNumber", "postcode", "email", "notes"] as const).map((f) => enLabel(f))).toEqual([
      "name", "mobile number", "street", "house number", "postcode", "e-mail address", "internal notes",
    ]);
  });

  it("on the staff forms: the staff word where there is one, else the register's label with a capital", () => {
    const nlLabel = staffFieldLabel(staffTexts(nl));
    expect(["name", "email", "houseNumber", "houseNumberSuffix", "notes", "locale"].map((f) => nlLabel(f))).toEqual([
      "Naam", "E-mail", "Huisnummer", "Toevoeging", "Interne notities", "Gekozen taal",
    ]);
    expect(staffFieldLabel(staffTexts(en))("locale")).toBe("Chosen language");
    expect(nlLabel("noSuchColumn")).toBeUndefined();
  });
});
