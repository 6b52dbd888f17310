// Spreadsheet import's reading: each kind of CSV file that Excel, LibreOffice, Numbers and Google
// Forms write, as a fixture with the table it must give.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
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
