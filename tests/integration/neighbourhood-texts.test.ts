// The neighbourhood's own texts: Dieren-West's defaults until a coordinator changes them, stored
// for both languages, back to the default when made equal to it, and out of everyone else's reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { NotFoundError } from "@/lib/errors";
import { defaultNeighbourhoodText, loadNeighbourhoodTexts, neighbourhoodTextsIn, saveNeighbourhoodTexts } from "@/lib/neighbourhood/neighbourhood-texts";
import { NEIGHBOURHOOD_TEXT_KEYS, neighbourhoodTextsSchema, textsFromForm, type NeighbourhoodTexts } from "@/lib/neighbourhood/neighbourhood-texts.schema";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase({ applications: 10 });
});
afterAll(() => s.db.drop());

const OTHER_AREA = {
  nl: "De groepen dekken Velp-Noord tussen de Arnhemsestraat en het spoor.",
  en: "The groups cover Velp-Noord between the Arnhemsestraat and the railway.",
};

describe("the neighbourhood's texts", () => {
  it("are Dieren-West's defaults while nothing is stored, with the configured name filled in", async () => {
    const texts = await loadNeighbourhoodTexts();
    expect(texts.coveredArea.nl).toBe("De groepen dekken het deel van Dieren-West ten westen van de Harderwijkerweg en ten noorden van de Admiraal Helfrichlaan.");
    expect(texts.coveredArea.en).toContain("west of the Harderwijkerweg");
    expect(texts.volunteerStreetsExample.nl).toBe("Bijvoorbeeld: Zuiderlaan en Kastanjelaan.");
    for (const key of NEIGHBOURHOOD_TEXT_KEYS) expect(texts[key].nl).not.toBe(texts[key].en);
  });

  it("are stored by a coordinator in both languages and shown per language; the audit event names the key, not the text", async () => {
    const before = await loadNeighbourhoodTexts();
    const next: NeighbourhoodTexts = { ...before, coveredArea: OTHER_AREA };
    expect(await saveNeighbourhoodTexts(s.coordinator, next)).toEqual(["coveredArea"]);
    expect((await neighbourhoodTextsIn("nl")).coveredArea).toBe(OTHER_AREA.nl);
    expect((await neighbourhoodTextsIn("en")).coveredArea).toBe(OTHER_AREA.en);
    expect((await neighbourhoodTextsIn("nl")).volunteerIntro).toBe(before.volunteerIntro.nl);
    // Only the changed text has a row; the others follow their defaults.
    expect(await s.service((tx) => tx.neighbourhoodText.findMany({ select: { key: true } }))).toEqual([{ key: "coveredArea" }]);
    const events = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "settings.texts_changed" } }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: s.coordinator.userId, targetType: "NeighbourhoodText", meta: { keys: ["coveredArea"] } });
    expect(JSON.stringify(events[0], (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("Velp");
    // Saving the same texts again changes nothing and records nothing.
    expect(await saveNeighbourhoodTexts(s.coordinator, next)).toEqual([]);
    expect(await s.service((tx) => tx.auditEvent.count({ where: { action: "settings.texts_changed" } }))).toBe(1);
  });

  it("follow the default again when made equal to it", async () => {
    const texts = await loadNeighbourhoodTexts();
    const restored = { ...texts, coveredArea: { nl: defaultNeighbourhoodText("coveredArea", "nl"), en: defaultNeighbourhoodText("coveredArea", "en") } };
    expect(await saveNeighbourhoodTexts(s.coordinator, restored)).toEqual(["coveredArea"]);
    expect(await s.service((tx) => tx.neighbourhoodText.count())).toBe(0);
  });

  it("cannot be changed by a contact person, in the code or at the database", async () => {
    const contact = await s.contact(1);
    const texts = await loadNeighbourhoodTexts();
    await expect(saveNeighbourhoodTexts(contact, { ...texts, coveredArea: OTHER_AREA })).rejects.toBeInstanceOf(NotFoundError);
    for (const scope of [
      { role: "contact", userId: contact.userId, subareaIds: contact.subareaIds },
      { role: "resident", applicationId: 1 },
    ] as const) {
      await expect(inScope(s.db.prisma, scope, (tx) => tx.neighbourhoodText.create({ data: { key: "coveredArea", ...OTHER_AREA } }))).rejects.toThrow(/permission denied/);
    }
    expect(await s.service((tx) => tx.neighbourhoodText.count())).toBe(0);
  });

  it("refuse an empty text, one that is too long, and control characters, by field", () => {
    const valid = Object.fromEntries(NEIGHBOURHOOD_TEXT_KEYS.flatMap((key) => [[`${key}_nl`, "Tekst"], [`${key}_en`, "Text"]]));
    expect(textsFromForm(neighbourhoodTextsSchema.parse({ ...valid, coveredArea_nl: "  Een gebied.  " })).coveredArea).toEqual({ nl: "Een gebied.", en: "Text" });
    const fields = (input: Record<string, string>) => neighbourhoodTextsSchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]);
    expect(fields({ ...valid, coveredArea_en: " " })).toEqual([["coveredArea_en", "required"]]);
    expect(fields({ ...valid, volunteerStreetsExample_nl: "x".repeat(151) })).toEqual([["volunteerStreetsExample_nl", "tooLong"]]);
    expect(fields({ ...valid, uncoveredArea_nl: "Noord\u202Ezuid" })).toEqual([["uncoveredArea_nl", "invalid"]]);
  });
});
