// Spreadsheet import: CSV parsing, column mapping, per-row checks, duplicate flags, and an
// all-or-nothing import — including 10,000 rows, timed (printed, never asserted).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { guessColumnMapping, mappingFromParams } from "@/lib/intake/column-mapping";
import type { CsvEncoding } from "@/lib/intake/decode-csv";
import { createImportBatch, EncodingQuestion, getImportPreview } from "@/lib/intake/import-batches";
import { reportImportProgress } from "@/lib/intake/import-progress";
import { decodeCsv } from "@/lib/intake/decode-csv";
import { parseCsv } from "@/lib/intake/parse-csv";
import { runImport } from "@/lib/intake/run-import";
import { testDbKind } from "../helpers/test-database";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

// The progress the import reports for the page's <progress> bar, recorded as it goes.
vi.mock("@/lib/intake/import-progress", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/intake/import-progress")>();
  return { ...actual, reportImportProgress: vi.fn(actual.reportImportProgress) };
});

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

const utf8 = (text: string) => new TextEncoder().encode(text);
const upload = (text: string, name = "leden.csv") => createImportBatch(s.coordinator, { name, bytes: utf8(text) });
const count = (where: object = {}) => s.service((tx) => tx.application.count({ where }));

describe("reading a CSV", () => {
  it("accepts semicolons with a byte-order mark and Excel quoting, and commas", () => {
    const semicolon = parseCsv('\uFEFFNaam;Mobiel;Opmerking\r\n"Jansen; J.";06-12345678;"zegt ""hoi""\r\nen doei"\r\n;;\r\nBos;0612345679;\r\n');
    expect(semicolon).toEqual({
      ok: true,
      table: { header: ["Naam", "Mobiel", "Opmerking"], rows: [["Jansen; J.", "06-12345678", 'zegt "hoi"\r\nen doei'], [], ["Bos", "0612345679", ""]], delimiter: ";" },
    });
    const comma = parseCsv("name,mobile\nAnna,+31 6 1234 5678\n");
    expect(comma).toMatchObject({ ok: true, table: { header: ["name", "mobile"], rows: [["Anna", "+31 6 1234 5678"]], delimiter: "," } });
  });

  it("decodes UTF-8 with or without BOM, falls back to Windows-1252, and refuses binary", () => {
    expect(decodeCsv(utf8("\uFEFFNaam\nZoë"))).toMatchObject({ ok: true, text: "Naam\nZoë" });
    expect(decodeCsv(utf8("Naam\nZoë"))).toMatchObject({ ok: true, text: "Naam\nZoë" });
    expect(decodeCsv(new Uint8Array([0x5a, 0x6f, 0xeb]))).toMatchObject({ ok: true, text: "Zoë" }); // "Zoë" as Excel's plain CSV writes it
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ ok: false, error: "unreadable" }); // a zip (.xlsx)
  });

  it("refuses an unclosed quote and a file without data rows", async () => {
    expect(parseCsv('Naam;Mobiel\n"Jansen;0612345678\n')).toEqual({ ok: false, error: "quotes" });
    await expect(upload("Naam;Mobiel\n")).rejects.toMatchObject({ fieldErrors: { file: "noRows" } });
    await expect(upload("")).rejects.toMatchObject({ fieldErrors: { file: "empty" } });
  });
});

describe("files as Excel and Google Forms write them (tests/fixtures/import)", () => {
  const uploadFixture = (name: string, encoding: CsvEncoding | null = null) =>
    createImportBatch(s.coordinator, { name, bytes: fs.readFileSync(`tests/fixtures/import/${name}`), encoding });

  it.each(["sep-line-semicolon.csv", "sep-line-comma-quoted.csv", "sep-line-tab-bom.csv"])("%s: a sep= first line gives two ready rows", async (file) => {
    const preview = await getImportPreview(s.coordinator, await uploadFixture(file), null);
    expect(preview.missing).toEqual([]);
    expect(preview.check!.problems).toEqual([]);
    expect(preview.check!.ready.map((r) => [r.application.street, r.application.houseNumber, r.application.postcode])).toEqual([
      ["Beukenlaan", 4, "6951AC"],
      ["Eikenlaan", 8, "6951AD"],
    ]);
  });

  it("splits a whole-address column with the mail intake's address parser (Google Forms, membership lists)", async () => {
    const forms = await getImportPreview(s.coordinator, await uploadFixture("google-forms-full-address.csv"), null);
    expect(forms.missing).toEqual([]);
    expect(forms.check!.problems).toEqual([]);
    expect(forms.check!.ready.map((r) => [r.application.name, r.application.mobile, r.application.street, r.application.houseNumber, r.application.houseLetter, r.application.houseNumberSuffix, r.application.postcode])).toEqual([
      ["Lotte Visser", "+31612223333", "Kerkstraat", 21, null, null, "6951AB"],
      ["Ahmed El Amrani", "+31612224444", "Beukenlaan", 12, "A", null, "6951AC"],
    ]);
    const list = await getImportPreview(s.coordinator, await uploadFixture("membership-list-address-column.csv"), null);
    expect(list.check!.problems).toEqual([]);
    expect(list.check!.ready.map((r) => [r.application.street, r.application.houseNumber, r.application.houseNumberSuffix, r.application.postcode])).toEqual([
      ["Lindelaan", 7, null, "6951BA"],
      ["Stationsweg", 45, "2", "6951BB"],
      ["Parkweg", 21, null, "6952AB"],
    ]);
  });

  it("a Windows-1252 file keeps ’ Š Ž and stores no C1 control character", async () => {
    const id = await uploadFixture("windows1252-c1-range.csv");
    const preview = await getImportPreview(s.coordinator, id, null);
    expect(preview.check!.ready.map((r) => r.application.name)).toEqual(["Anneke D’Hondt", "Šimon Žák"]);
    const outcome = await runImport(s.coordinator, id, { mapping: preview.mapping, expectReady: 2, skipProblems: false });
    expect(outcome.ok).toBe(true);
    const stored = await s.service((tx) => tx.application.findMany({ where: { id: { in: outcome.ok ? outcome.ids : [] } }, select: { name: true }, orderBy: { id: "asc" } }));
    expect(stored.map((a) => a.name)).toEqual(["Anneke D’Hondt", "Šimon Žák"]);
  });

  it("asks which encoding an undecidable file has, stores nothing, and follows the answer", async () => {
    const batches = await s.service((tx) => tx.importBatch.count());
    const question = await uploadFixture("single-byte-ambiguous.csv").catch((error: unknown) => error);
    expect(question).toBeInstanceOf(EncodingQuestion);
    expect((question as EncodingQuestion).samples).toEqual({ "windows-1252": "Šimon Bos;06 21110007;Kerkstraat;23;6951 AB", macintosh: "äimon Bos;06 21110007;Kerkstraat;23;6951 AB" });
    expect(await s.service((tx) => tx.importBatch.count())).toBe(batches);
    const preview = await getImportPreview(s.coordinator, await uploadFixture("single-byte-ambiguous.csv", "windows-1252"), null);
    expect(preview.check!.ready.map((r) => r.application.name)).toEqual(["Šimon Bos"]);
  });
});

describe("guessing the columns", () => {
  it("from Dutch and English header names", () => {
    expect(guessColumnMapping(["Naam", "Telefoonnummer (mobiel)", "Straat", "Huisnummer", "Huisnummer toevoeging", "Postcode", "E-mailadres", "Opmerking"])).toEqual({
      name: 0, mobile: 1, street: 2, houseNumber: 3, houseNumberSuffix: 4, postcode: 5, email: 6, fullAddress: null,
    });
    expect(guessColumnMapping(["Full name", "E-mail", "Phone", "Address", "Zip code"])).toEqual({
      name: 0, mobile: 2, street: 3, houseNumber: null, houseNumberSuffix: null, postcode: 4, email: 1, fullAddress: null,
    });
    // The whole address in one column: Google Forms' question, or "Adres" without a postcode column.
    expect(guessColumnMapping(["Tijdstempel", "E-mailadres", "Wat is je naam?", "Je mobiele nummer (voor WhatsApp)", "Je adres (straat, huisnummer, postcode)"])).toEqual({
      name: 2, mobile: 3, street: null, houseNumber: null, houseNumberSuffix: null, postcode: null, email: 1, fullAddress: 4,
    });
    expect(guessColumnMapping(["Naam lid", "Telefoon", "Adres", "Lid sinds"])).toMatchObject({ name: 0, mobile: 1, street: null, postcode: null, fullAddress: 2 });
  });

  it("takes the coordinator's choice from the form, ignoring out-of-range and reused columns", () => {
    expect(mappingFromParams({ name: "1", mobile: "1", street: "9", postcode: "0", email: "", fullAddress: "2" }, 3)).toEqual({
      name: 1, mobile: null, street: null, houseNumber: null, houseNumberSuffix: null, postcode: 0, email: null, fullAddress: 2,
    });
    expect(mappingFromParams({ q: "x" }, 3)).toBeNull();
  });
});

describe("checking and importing", () => {
  const HEADER = "Naam;Mobiel;Straat;Huisnummer;Toevoeging;Postcode;E-mail";

  it("shows each bad row's errors and duplicates, blocks the import until the coordinator skips them, then stores exactly the good rows", async () => {
    const active = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "ASSIGNED" }, select: { id: true, mobile: true } }));
    const csv = [
      HEADER,
      "Anna Smit;06-80000001;Kerkstraat;3;;6951 AB;anna@example.net", // row 2: NEW, subarea 1
      "Bram Bos;06 80000002;Zuiderlaan;8;b;6953AB;", // row 3: WAITING (no group yet)
      "Carla Kok;026-3334444;Kerkstraat;5;;6951 AB;", // row 4: landline
      ";06-80000003;Kerkstraat;x;;69511;niet-een-adres", // row 5: four errors
      "Daan Dekker;0680000001;Beukenlaan;1;;6951AC;", // row 6: same number as row 2
      `Eva Vos;0${active.mobile.slice(3)};Beukenlaan;2;;6951AC;`, // row 7: active application
      "Fleur Meijer;06-80000004;Hoofdstraat;1;;1234 AB;", // row 8: outside every subarea
      ";;;;;;", // row 9: empty, ignored
      "Gijs de Graaf;+31 6 8000 0005;Eikenlaan 7a;;;6951 AD Dieren;", // row 10: number in the street cell, town in the postcode cell
    ].join("\r\n");
    const id = await upload(csv);
    const preview = await getImportPreview(s.coordinator, id, null);
    expect(preview.missing).toEqual([]);
    const check = preview.check!;
    expect(check.ready.map((r) => [r.row, r.application.status, r.application.suggestedSubareaId])).toEqual([
      [2, "NEW", s.subareaIds[0]],
      [3, "WAITING", s.subareaIds[4]],
      [10, "NEW", s.subareaIds[0]],
    ]);
    expect(check.ready[2]!.application).toMatchObject({ street: "Eikenlaan", houseNumber: 7, houseLetter: "A", houseNumberSuffix: null, postcode: "6951AD", mobile: "+31680000005" });
    expect(check.problems).toEqual([
      { row: 4, field: "mobile", code: "landline" },
      { row: 5, field: "name", code: "required" },
      { row: 5, field: "houseNumber", code: "invalid" },
      { row: 5, field: "postcode", code: "invalid" },
      { row: 5, field: "email", code: "invalid" },
      { row: 8, field: "address", code: "outside" },
    ]);
    expect(check.invalidRows).toBe(3);
    expect(check.duplicates).toEqual([
      { row: 6, ofRow: 2, ofApplication: null },
      { row: 7, ofRow: null, ofApplication: { id: active.id, status: "ASSIGNED" } },
    ]);
    expect(check.emptyRows).toBe(1);

    // Not acknowledged: nothing is stored, the upload stays for another try.
    const before = await count();
    const confirmation = { mapping: preview.mapping, expectReady: 3 };
    expect(await runImport(s.coordinator, id, { ...confirmation, skipProblems: false })).toEqual({ ok: false, reason: "problems" });
    expect(await count()).toBe(before);
    // A count that no longer matches the preview: refused as well.
    expect(await runImport(s.coordinator, id, { ...confirmation, expectReady: 4, skipProblems: true })).toEqual({ ok: false, reason: "changed" });
    expect(await count()).toBe(before);

    const done = await runImport(s.coordinator, id, { ...confirmation, skipProblems: true });
    expect(done).toMatchObject({ ok: true, imported: 3, skipped: 5 });
    if (!done.ok) throw new Error("not imported");
    expect(await count()).toBe(before + 3);
    const stored = await s.service((tx) => tx.application.findMany({ where: { id: { in: done.ids } }, orderBy: { id: "asc" }, include: { events: true } }));
    expect(stored.map((a) => [a.name, a.mobile, a.status, a.source, a.houseLetter, a.email])).toEqual([
      ["Anna Smit", "+31680000001", "NEW", "IMPORT", null, "anna@example.net"],
      ["Bram Bos", "+31680000002", "WAITING", "IMPORT", "B", null],
      ["Gijs de Graaf", "+31680000005", "NEW", "IMPORT", "A", null],
    ]);
    expect(stored.every((a) => a.events.length === 1 && a.events[0]!.type === "CREATED" && a.events[0]!.actorId === s.coordinator.userId)).toBe(true);

    // One audit event: count and ids, nothing of the file.
    const events = (await s.db.query<{ row: string; subjectIds: number[] }>(`SELECT row_to_json(e)::text AS row, "subjectIds" FROM "AuditEvent" e WHERE action = 'applications.imported'`)).filter(
      (e) => e.subjectIds.some((id) => done.ids.includes(id)),
    );
    expect(events).toHaveLength(1);
    expect([...events[0]!.subjectIds].sort()).toEqual([...done.ids].sort());
    expect(JSON.parse(events[0]!.row).meta).toEqual({ count: 3, skippedInvalid: 3, skippedDuplicates: 2 });
    for (const secret of ["Anna", "Smit", "80000001", "Kerkstraat", "6951", "anna@"]) expect(events[0]!.row).not.toContain(secret);

    // The upload is gone: a second confirm imports nothing more.
    await expect(runImport(s.coordinator, id, { ...confirmation, skipProblems: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await count()).toBe(before + 3);
  });

  it("asks for a column for every required field before checking rows", async () => {
    const id = await upload("Wie;Nummer\nAnna;0680000010\n");
    const preview = await getImportPreview(s.coordinator, id, null);
    expect(preview.missing).toEqual(["name", "mobile", "street", "postcode"]);
    expect(preview.check).toBeNull();
    expect(await runImport(s.coordinator, id, { mapping: preview.mapping, expectReady: 0, skipProblems: true })).toEqual({ ok: false, reason: "unmapped" });
  });

  it("stores nothing when the database fails halfway through the import", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `Persoon ${i};06${String(81_000_000 + i)};Lindelaan;${1 + (i % 48)};;6951BA;`);
    // Row 4,001 makes the database refuse the insert — after the first two batches went in.
    rows[4_000] = `Fout Halverwege;06${String(81_000_000 + 4_000)};Lindelaan;1;;6951BA;`;
    const id = await upload([HEADER, ...rows].join("\n"));
    const preview = await getImportPreview(s.coordinator, id, null);
    expect(preview.check!.ready).toHaveLength(5_000);
    await s.db.query(`CREATE FUNCTION fail_halfway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'Fout Halverwege' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`);
    await s.db.query(`CREATE TRIGGER fail_halfway BEFORE INSERT ON "Application" FOR EACH ROW EXECUTE FUNCTION fail_halfway()`);
    const before = await count();
    const eventsBefore = await s.service((tx) => tx.applicationEvent.count());
    try {
      await expect(runImport(s.coordinator, id, { mapping: preview.mapping, expectReady: 5_000, skipProblems: false })).rejects.toThrow(/forced failure/);
    } finally {
      await s.db.query(`DROP TRIGGER fail_halfway ON "Application"`);
      await s.db.query(`DROP FUNCTION fail_halfway()`);
    }
    expect(await count()).toBe(before);
    expect(await count({ name: { startsWith: "Persoon " } })).toBe(0);
    expect(await s.service((tx) => tx.applicationEvent.count())).toBe(eventsBefore);
    expect(await s.service((tx) => tx.auditEvent.count({ where: { action: "applications.imported", meta: { path: ["count"], equals: 5_000 } } }))).toBe(0);
    // The upload is still there, so the coordinator can try again.
    expect((await getImportPreview(s.coordinator, id, null)).check!.ready).toHaveLength(5_000);
  });

  it("imports 10,000 rows in one transaction (time printed, not asserted)", async () => {
    const streets = [["Kerkstraat", "6951AB", 60], ["Beukenlaan", "6951AC", 40], ["Veluwelaan", "6952BA", 70], ["Zuiderlaan", "6953AB", 64]] as const;
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const [street, postcode, max] = streets[i % streets.length]!;
      return `Bewoner ${i};06-${String(82_000_000 + i)};${street};${1 + (i % max)};${i % 7 === 0 ? "a" : ""};${postcode};bewoner${i}@example.net`;
    });
    const csv = `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`;
    const before = await count();
    vi.mocked(reportImportProgress).mockClear();

    let started = performance.now();
    const id = await upload(csv, "tienduizend.csv");
    const uploadMs = performance.now() - started;
    started = performance.now();
    const preview = await getImportPreview(s.coordinator, id, null);
    const previewMs = performance.now() - started;
    expect(preview.check!.ready).toHaveLength(10_000);
    started = performance.now();
    const done = await runImport(s.coordinator, id, { mapping: preview.mapping, expectReady: 10_000, skipProblems: false });
    const importMs = performance.now() - started;

    expect(done).toMatchObject({ ok: true, imported: 10_000, skipped: 0 });
    expect(await count()).toBe(before + 10_000);
    expect(await count({ source: "IMPORT", name: { startsWith: "Bewoner " } })).toBe(10_000);
    expect(await count({ status: "WAITING", name: { startsWith: "Bewoner " } })).toBe(2_500);
    expect(vi.mocked(reportImportProgress).mock.calls).toEqual([
      ...[0, 2_000, 4_000, 6_000, 8_000, 10_000].map((done) => [id, { done, total: 10_000 }]),
      [id, null],
    ]);
    console.log(
      `[import benchmark] ${testDbKind()}: 10,000 rows — upload ${uploadMs.toFixed(0)} ms, preview ${previewMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`,
    );
  }, 180_000);
});
