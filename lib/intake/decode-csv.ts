import iconv from "iconv-lite";

/**
 * The encodings spreadsheet programs save CSV and text in: UTF-8 (LibreOffice, Google Sheets,
 * Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode text", tab separated), Windows-1252 (Excel's
 * plain "CSV" on Windows) and Mac Roman (Excel for Mac's plain "CSV").
 */
export const CSV_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "macintosh"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type DecodedCsv =
  | { ok: true; text: string; encoding: CsvEncoding }
  /** Not text at all (a zip, an image, an .xlsx). */
  | { ok: false; error: "unreadable" }
  /** Windows-1252 and Mac Roman read the file equally well: the coordinator must say which. */
  | { ok: false; error: "encoding"; samples: Record<"windows-1252" | "macintosh", string> };

// Characters that occur in Dutch (and other European) names and addresses, and the typography
// Word and Excel put in ("D’Hondt", "–"). Anything else non-ASCII counts against an encoding;
// so do the capitals Õ Ò Ó Ô Ð Ñ Ì Í Î Ï Ã, rare in names but what Mac Roman's ’ “ ” ‘ – — and
// accented letters become when read as Windows-1252.
const EXPECTED = /[àáâäãåæçèéêëìíîïñòóôöõøœùúûüýÿßšžčćłńőűşğÀÁÂÄÅÆÇÈÉÊËÖØŒÙÚÛÜÝŠŽČĆŁŃŐŰŞĞ’‘“”„–—€]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/**
 * How plausible a decoding is: +1 for each expected character, −1 for any other non-ASCII
 * character, −3 for a capital right after a small letter or a small letter right before a
 * capital ("CafŽ", "DíHondt": the classic signs of the wrong code page) and for an opening
 * quote right after a letter ("Zo‘"), −5 for a byte the code page does not define (U+FFFD).
 */
function plausibility(text: string): number {
  let score = 0;
  // Single-byte code pages decode to the Basic Multilingual Plane: one UTF-16 unit per character.
  for (const match of text.matchAll(/[^\u0000-\u007f]/g)) {
    const [ch, i] = [match[0], match.index];
    const [before, after] = [text[i - 1] ?? "", text[i + 1] ?? ""];
    if (ch === "\uFFFD") score -= 5;
    else if ((UPPER.test(ch) && LOWER.test(before)) || (LOWER.test(ch) && UPPER.test(after))) score -= 3;
    else if (/[‘“„]/.test(ch) && LETTER.test(before)) score -= 3;
    else score += EXPECTED.test(ch) ? 1 : -1;
  }
  return score;
}

// C1 control characters (U+0080–U+009F): a Windows-1252 file once read as Latin-1 and saved
// again as UTF-8 or UTF-16 carries them ("D\u0092Hondt"). Read each as the Windows-1252 byte
// it was; the five bytes Windows-1252 leaves undefined are dropped.
function repairC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => {
    const repaired = iconv.decode(Buffer.from([ch.charCodeAt(0)]), "windows-1252");
    return repaired === "\uFFFD" ? "" : repaired;
  });
}

function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** The first line where the two readings differ, shortened around the difference. */
function differingLine(a: string, b: string): [string, string] {
  const [linesA, linesB] = [a.split(/\r\n?|\n/), b.split(/\r\n?|\n/)];
  const i = Math.max(0, linesA.findIndex((line, k) => line !== linesB[k]));
  const [lineA, lineB] = [linesA[i] ?? "", linesB[i] ?? ""];
  let at = 0;
  while (at < lineA.length && lineA[at] === lineB[at]) at++;
  const start = Math.max(0, at - 20);
  return [lineA.slice(start, start + 50).trim(), lineB.slice(start, start + 50).trim()];
}

function decodeAs(bytes: Uint8Array, encoding: CsvEncoding): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  return repairC1(text);
}

/**
 * Turns an uploaded CSV's bytes into text. `encoding` is the coordinator's choice; without it
 * (null) the encoding is recognised: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without
 * one by its zero bytes, valid UTF-8, else Windows-1252 or Mac Roman by which reads as names
 * and addresses. When those two read equally well the answer is a question (`encoding`, with
 * the first differing line in each reading), never a guess. Decoding is done with iconv-lite:
 * Node's TextDecoder reads Windows-1252's 0x80–0x9F as C1 control characters. The text never
 * holds a C1 control character. A file with NUL bytes that is not UTF-16 is `unreadable`.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding | null = null): DecodedCsv {
  if (encoding) {
    if (!encoding.startsWith("utf-16") && bytes.includes(0)) return { ok: false, error: "unreadable" };
    return { ok: true, text: decodeAs(bytes, encoding), encoding };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ok: true, text: decodeAs(bytes, "utf-8"), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: decodeAs(bytes, "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: decodeAs(bytes, "utf-16be"), encoding: "utf-16be" };
  const utf16 = utf16Order(bytes);
  const utf16Text = utf16 ? decodeAs(bytes, utf16) : "";
  // Text has no control characters but tab and line breaks; a binary file's zeros do not make it UTF-16.
  if (utf16 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(utf16Text)) return { ok: true, text: utf16Text, encoding: utf16 };
  if (bytes.includes(0)) return { ok: false, error: "unreadable" };
  try {
    return { ok: true, text: repairC1(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), encoding: "utf-8" };
  } catch {
    // Not UTF-8: one of the single-byte code pages.
  }
  const windows = decodeAs(bytes, "windows-1252");
  const mac = decodeAs(bytes, "macintosh");
  const difference = plausibility(windows) - plausibility(mac);
  if (difference >= 2) return { ok: true, text: windows, encoding: "windows-1252" };
  if (difference <= -2) return { ok: true, text: mac, encoding: "macintosh" };
  const [windowsSample, macSample] = differingLine(windows, mac);
  return { ok: false, error: "encoding", samples: { "windows-1252": windowsSample, macintosh: macSample } };
}
