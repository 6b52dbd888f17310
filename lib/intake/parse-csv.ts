import Papa from "papaparse";

export interface CsvTable {
  header: string[];
  /** Data rows, each as long as the header (short rows padded with ""); empty rows kept as []. */
  rows: string[][];
  delimiter: string;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; error: "empty" | "unreadable" | "quotes" };

/*
 * A spreadsheet saved as CSV, as Excel and LibreOffice write it: comma, semicolon, tab or pipe
 * separated (Dutch Excel uses semicolons), quoted cells with "" for a quote and line breaks
 * inside. The bytes are turned into text first by ./decode-csv.ts. The first non-empty row is
 * the header.
 */

// Excel's hint on the first line, "sep=;" (also quoted, or padded with separators by a later save).
const SEPARATOR_LINE = /^"?sep=([^\r\n"])"?[;,\t|]*[ \t]*(?:\r\n?|\n|$)/i;

/**
 * Splits a CSV text into a header and rows. The separator is the one a first line `sep=;` names
 * (Excel writes it; the line itself is skipped), else guessed from ";", "," and tab.
 */
export function parseCsv(text: string): CsvResult {
  let input = text.replace(/^\uFEFF/, "");
  const separatorLine = SEPARATOR_LINE.exec(input);
  if (separatorLine) input = input.slice(separatorLine[0].length);
  if (!input.trim()) return { ok: false, error: "empty" };
  const result = Papa.parse<string[]>(input, {
    delimiter: separatorLine ? separatorLine[1]! : "",
    delimitersToGuess: [";", ",", "\t", "|"],
    skipEmptyLines: false,
  });
  if (result.errors.some((e) => e.type === "Quotes")) return { ok: false, error: "quotes" };
  const all = result.data.map((row) => row.map((cell) => (cell ?? "").trim()));
  const headerIndex = all.findIndex((row) => row.some(Boolean));
  if (headerIndex === -1) return { ok: false, error: "empty" };
  const header = all[headerIndex]!;
  while (header.length > 1 && !header[header.length - 1]) header.pop();
  const rows = all.slice(headerIndex + 1).map((row) => (row.some(Boolean) ? Array.from(header, (_, i) => row[i] ?? "") : []));
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { ok: true, table: { header, rows, delimiter: result.meta.delimiter } };
}
