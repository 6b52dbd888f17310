/**
 * Reads a flyer PDF the way a printer and a phone would, for the tests: the page count and size,
 * the text as pdf.js extracts it, and the QR code decoded (jsqr) from the image embedded in the
 * page. Independent of lib/flyers: it only sees the bytes.
 */
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFDocument, PDFName, PDFRawStream, PDFNumber, PDFDict } from "pdf-lib";

export interface ReadFlyer {
  pages: number;
  /** Width and height of the first page in points. */
  size: [number, number];
  /** All text items of every page, joined by one space (a wrapped line reads as one sentence). */
  text: string;
  /** Every QR code found in the page's images, decoded. */
  qr: string[];
}

/** Reads `bytes` (a PDF); throws when it is not one. */
export async function readFlyerPdf(bytes: Uint8Array): Promise<ReadFlyer> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  return { pages: doc.getPageCount(), size: [Math.round(width * 100) / 100, Math.round(height * 100) / 100], text: await extractText(bytes), qr: decodeImages(doc) };
}

async function extractText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await pdf.destroy();
  return parts.join(" ").replace(/\s+/gu, " ");
}

/** The page's image XObjects (Flate-compressed RGB or grey, as pdf-lib embeds a PNG), run through jsqr. */
function decodeImages(doc: PDFDocument): string[] {
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict: PDFDict = object.dict;
    if (dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
    const width = (dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
    const pixels = inflateSync(object.contents);
    const channels = pixels.length / (width * height);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = pixels[p * channels + (channels >= 3 ? c : 0)]!;
      rgba[p * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
