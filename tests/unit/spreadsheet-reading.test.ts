// Spreadsheet import's reading: each kind of CSV file that Excel, LibreOffice, Numbers and Google
// Forms write, as a fixture with the table it must give.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsv } from "@/lib/intake/decode-csv";
import { parseCsv } from "@/lib/intake/parse-csv";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/import/${name}`);

describe("Excel's sep= first line names the separator and is skipped", () => {
  it.each([
    ["sep-line-semicolon.csv", ";", ["Piet Klaassen", "Kees Jansen"]], // the 2026-11-30 case
    ["sep-line-comma-quoted.csv", ",", ["Klaassen, Piet", "Kees Jansen"]], // quoted line, a comma inside a cell
    ["sep-line-tab-bom.csv", "\t", ["Piet; Klaassen", "Kees Jansen"]], // BOM, tab, a semicolon inside a cell
    ["sep-line-padded.csv", ";", ["Piet Klaassen", "Kees Jansen"]], // re-saved: the line padded with separators
  ])("%s", (file, delimiter, names) => {
    const result = parseCsv(fixture(file).toString("utf8"));
    expect(result).toMatchObject({ ok: true, table: { delimiter } });
    if (!result.ok) return;
    expect(result.table.header.slice(0, 2)).toEqual(["Naam", "Mobiel"]);
    expect(result.table.rows.map((row) => row[0])).toEqual(names);
    expect(result.table.rows.every((row) => row.length === result.table.header.length)).toBe(true);
  });

  it("leaves a first line that only looks like one alone", () => {
    expect(parseCsv("sepa;Naam;Mobiel\nx;Piet;06 11112222\ny;Kees;06 11113333\n")).toMatchObject({ ok: true, table: { header: ["sepa", "Naam", "Mobiel"] } });
  });
});

describe("the encodings spreadsheet programs save in are recognised; no C1 control character survives", () => {
  const NAMES = ["René Müller", "Anneke D’Hondt", "Zoë van ’t Hek"];
  it.each([
    ["windows1252-c1-range.csv", "windows-1252", ["Anneke D’Hondt", "Šimon Žák"]], // the 2026-11-30 case
    ["windows1252-typography.csv", "windows-1252", ["François Noël", "Željko Šuker"]],
    ["macroman.csv", "macintosh", NAMES], // Excel for Mac's plain CSV
    ["utf16le-bom-tab.txt", "utf-16le", NAMES], // Excel's "Unicode text"
    ["utf16be-bom.csv", "utf-16be", NAMES],
    ["utf16le-no-bom.csv", "utf-16le", NAMES],
    ["utf8-bom.csv", "utf-8", NAMES],
    ["utf8-c1-controls.csv", "utf-8", NAMES], // a Windows-1252 file once read as Latin-1 and saved as UTF-8
  ])("%s", (file, encoding, names) => {
    const decoded = decodeCsv(fixture(file));
    expect(decoded).toMatchObject({ ok: true, encoding });
    if (!decoded.ok) return;
    expect(decoded.text).not.toMatch(/[\u0080-\u009f\ufffd\ufeff]/);
    const parsed = parseCsv(decoded.text);
    expect(parsed.ok && parsed.table.rows.map((row) => row[0])).toEqual(names);
  });

  it("the Windows-1252 typography arrives whole", () => {
    const decoded = decodeCsv(fixture("windows1252-typography.csv"));
    expect(decoded.ok && decoded.text).toContain("“graag” – €5 bijdrage — ok");
  });

  it("asks which encoding when Windows-1252 and Mac Roman read equally well, and follows the answer", () => {
    const bytes = fixture("single-byte-ambiguous.csv");
    expect(decodeCsv(bytes)).toEqual({ ok: false, error: "encoding", samples: { "windows-1252": "Šimon Bos;06 21110007;Kerkstraat;23;6951 AB", macintosh: "äimon Bos;06 21110007;Kerkstraat;23;6951 AB" } });
    expect(decodeCsv(bytes, "windows-1252")).toMatchObject({ ok: true, text: expect.stringContaining("Šimon Bos") });
    expect(decodeCsv(bytes, "macintosh")).toMatchObject({ ok: true, text: expect.stringContaining("äimon Bos") });
  });

  it("refuses binary files (a zip, an .xlsx)", () => {
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]))).toEqual({ ok: false, error: "unreadable" });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]), "windows-1252")).toEqual({ ok: false, error: "unreadable" });
  });
});
