/**
 * A flyer as a one-page PDF (pdf-lib), with a QR code (qrcode) to the flyer's link.
 *
 * The layout is drawn for A5 and scaled for A4, so the poster is the flyer enlarged. Fonts are
 * PDF's standard Helvetica in WinAnsi encoding, which has every letter Dutch needs (ë, é, ï, ’,
 * €); a character outside it (a street name in another script) is printed without its accent,
 * or as "?", instead of failing. Text that would run into the QR block shrinks until it fits:
 * the flyer is always exactly one page.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from "pdf-lib";
import QRCode from "qrcode";
import type { FlyerContent } from "./flyer-content";
import { INTL_LOCALE } from "../i18n/locales";

export type FlyerFormat = "A5" | "A4";

/** Page sizes in PDF points (1/72 inch), portrait. */
export const PAGE_SIZES: Record<FlyerFormat, readonly [number, number]> = {
  A5: [419.53, 595.28],
  A4: [595.28, 841.89],
};

const BRAND = rgb(0x1a / 255, 0x4f / 255, 0x91 / 255); // brand-700
const ALERT = rgb(0xa3 / 255, 0x26 / 255, 0x1b / 255); // alert-700
const ALERT_BG = rgb(0xfd / 255, 0xec / 255, 0xea / 255);
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.27, 0.31, 0.37);
const WHITE = rgb(1, 1, 1);

/**
 * Renders the flyer. `content` from `flyerContent`; returns the PDF's bytes. Throws only on a
 * QR payload too long for a QR code (a link of thousands of characters).
 */
export async function renderFlyerPdf(content: FlyerContent, format: FlyerFormat): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(content.headline);
  doc.setAuthor(content.header);
  doc.setSubject(content.url);
  doc.setLanguage(INTL_LOCALE[content.locale]);
  doc.setCreator("buurtpreventie");
  doc.setProducer("pdf-lib");
  const [width, height] = PAGE_SIZES[format];
  const page = doc.addPage([width, height]);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const qr = await doc.embedPng(await QRCode.toBuffer(content.url, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 8 }));
  const s = width / PAGE_SIZES.A5[0];
  // Shrink the text in small steps until it clears the QR block; 0.6 is never reached in practice.
  for (let f = 1; ; f -= 0.05) {
    const ops = layout(content, fonts, qr, width, height, s, f);
    if (ops.fits || f <= 0.6) {
      for (const op of ops.draw) op(page);
      break;
    }
  }
  return doc.save();
}

/** The QR code's side on A5, in points (about 5 cm: a phone reads it from arm's length). */
const QR_SIZE = 142;

function footerHeight(s: number): number {
  return 26 * s;
}

type Draw = (page: PDFPage) => void;

/** Positions every line for one font scale `f`; `fits` is false when the text runs into the QR block. */
function layout(content: FlyerContent, fonts: { regular: PDFFont; bold: PDFFont }, qr: PDFImage, width: number, height: number, s: number, f: number): { draw: Draw[]; fits: boolean } {
  const draw: Draw[] = [];
  const margin = 30 * s;
  const inner = width - 2 * margin;
  const text = (value: string, x: number, y: number, font: PDFFont, size: number, color: RGB) => {
    const safe = printable(font, value);
    draw.push((page) => page.drawText(safe, { x, y, font, size, color }));
  };
  const paragraph = (value: string, x: number, top: number, maxWidth: number, font: PDFFont, size: number, color: RGB, leading = 1.3): number => {
    let y = top;
    for (const line of wrap(printable(font, value), font, size, maxWidth)) {
      y -= size;
      text(line, x, y, font, size, color);
      y -= size * (leading - 1);
    }
    return y;
  };

  // Header band.
  const band = 40 * s;
  draw.push((page) => page.drawRectangle({ x: 0, y: height - band, width, height: band, color: BRAND }));
  text(content.header, margin, height - band + 14 * s, fonts.bold, 14 * s, WHITE);

  let y = height - band - 22 * s;
  y = paragraph(content.headline, margin, y, inner, fonts.bold, 23 * s * f, BRAND, 1.15);
  for (const body of content.body) y = paragraph(body, margin, y - 10 * s * f, inner, fonts.regular, 10.5 * s * f, INK, 1.35);

  // "Call 112 first", in a box that stands out.
  const pad = 9 * s * f;
  const boxTop = y - 12 * s * f;
  const boxLines: Draw[] = [];
  const before = draw.length;
  let by = paragraph(content.emergencyTitle, margin + pad + 4 * s, boxTop - pad, inner - 2 * pad - 4 * s, fonts.bold, 13 * s * f, ALERT, 1.2);
  by = paragraph(content.emergency, margin + pad + 4 * s, by - 3 * s * f, inner - 2 * pad - 4 * s, fonts.regular, 10 * s * f, INK, 1.3);
  boxLines.push(...draw.splice(before));
  const boxBottom = by - pad;
  draw.push((page) => {
    page.drawRectangle({ x: margin, y: boxBottom, width: inner, height: boxTop - boxBottom, color: ALERT_BG });
    page.drawRectangle({ x: margin, y: boxBottom, width: 4 * s, height: boxTop - boxBottom, color: ALERT });
  });
  draw.push(...boxLines);
  y = paragraph(content.rulesLine, margin, boxBottom - 10 * s * f, inner, fonts.regular, 9 * s * f, MUTED, 1.3);

  // The bottom block: the call to action and the link across the page, then the QR code with a note beside it.
  const qrSize = QR_SIZE * s;
  const qrBottom = footerHeight(s) + 12 * s;
  const qrLeft = margin - 4 * s; // the code's own white border lines it up with the text
  const column = qrLeft + qrSize + 12 * s;
  const noteTop = qrBottom + qrSize - 14 * s;
  paragraph(content.note, column, noteTop, width - margin - column, fonts.regular, 10 * s, MUTED, 1.35);
  // The link on one line, as large as fits: it must be typed exactly as printed.
  let urlSize = 15 * s;
  while (urlSize > 6 * s && fonts.bold.widthOfTextAtSize(printable(fonts.bold, content.displayUrl), urlSize) > inner) urlSize -= 0.25 * s;
  const urlY = qrBottom + qrSize + 4 * s;
  text(content.displayUrl, margin, urlY, fonts.bold, urlSize, BRAND);
  const ctaLines = wrap(printable(fonts.bold, content.cta), fonts.bold, 14 * s, inner).length;
  const ctaTop = urlY + urlSize + 8 * s + ctaLines * 14 * s * 1.2;
  paragraph(content.cta, margin, ctaTop, inner, fonts.bold, 14 * s, INK, 1.2);
  draw.push((page) => page.drawImage(qr, { x: qrLeft, y: qrBottom, width: qrSize, height: qrSize }));

  let footerSize = 7.5 * s;
  while (footerSize > 5 * s && fonts.regular.widthOfTextAtSize(printable(fonts.regular, content.footer), footerSize) > inner) footerSize -= 0.25 * s;
  text(content.footer, margin, margin * 0.6, fonts.regular, footerSize, MUTED);
  draw.push((page) => page.drawLine({ start: { x: margin, y: footerHeight(s) + 4 * s }, end: { x: width - margin, y: footerHeight(s) + 4 * s }, thickness: 0.5 * s, color: MUTED }));

  return { draw, fits: y >= ctaTop + 14 * s };
}

/** Greedy word wrap by measured width; a word longer than the line is cut. */
export function wrap(value: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of value.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** The text with every character the font cannot encode replaced: without its accent, else "?". */
export function printable(font: PDFFont, value: string): string {
  const known = charsetOf(font);
  let out = "";
  for (const char of value.normalize("NFC")) {
    if (known.has(char.codePointAt(0)!)) out += char;
    else {
      const bare = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += [...bare].every((c) => known.has(c.codePointAt(0)!)) && bare ? bare : "?";
    }
  }
  return out;
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  return set;
}
