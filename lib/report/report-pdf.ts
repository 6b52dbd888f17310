import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ReportChart, ReportDocument, ReportTable } from "./report-tables";
import { chartValue, figureText, type Figure } from "./small-counts";
import { INTL_LOCALE, type AppLocale } from "../i18n/locales";

const A4 = [595.28, 841.89] as const;
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.12, 0.16, 0.23);
const MUTED = rgb(0.35, 0.4, 0.47);
const BARS = [rgb(0.12, 0.37, 0.68), rgb(0.85, 0.45, 0.1)];
const RULE = rgb(0.8, 0.83, 0.87);
const MONTH_CHUNK = 6;
const MAX_CHART_ROWS = 25;

// The standard PDF fonts print Windows-1252 (WinAnsi): all of Dutch and English ("één",
// "geëxporteerd", "‘’“”–—€"). Anything else (a street name in another script) is printed
// without its accents, or as "?", never an error.
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
function printable(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch)) return ch;
      if (ch === "≥") return ">=";
      const plain = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      return plain && [...plain].every((c) => c.charCodeAt(0) < 0x7f) ? plain : "?";
    })
    .join("");
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.newPage();
  }
  newPage() {
    this.page = this.pdf.addPage([...A4]);
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  width(text: string, size: number, bold = false) {
    return (bold ? this.bold : this.regular).widthOfTextAtSize(printable(text), size);
  }
  text(text: string, x: number, y: number, size: number, options: { bold?: boolean; color?: ReturnType<typeof rgb>; right?: boolean; center?: boolean; maxWidth?: number } = {}) {
    let t = printable(text);
    const font = options.bold ? this.bold : this.regular;
    if (options.maxWidth) while (t.length > 1 && font.widthOfTextAtSize(t, size) > options.maxWidth) t = `${t.slice(0, -2)}…`;
    const w = font.widthOfTextAtSize(t, size);
    const at = options.right ? x - w : options.center ? x - w / 2 : x;
    this.page.drawText(t, { x: at, y, size, font, color: options.color ?? INK });
  }
  /** A paragraph wrapped to the content width. */
  paragraph(text: string, size: number, options: { bold?: boolean; color?: ReturnType<typeof rgb>; gap?: number } = {}) {
    if (!text) return;
    const words = printable(text).split(/\s+/);
    const lines: string[] = [];
    let line = "";
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (this.width(next, size, options.bold) > WIDTH && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      this.ensure(size * 1.4);
      this.y -= size * 1.35;
      this.text(l, MARGIN, this.y, size, options);
    }
    this.y -= options.gap ?? 6;
  }
}

function drawTable(w: Writer, table: ReportTable, locale: AppLocale) {
  const rowH = 15;
  const size = 8.5;
  // Many months: the same rows again with the next months, so a row never runs off the page.
  const valueCols = table.headers.length - 1;
  const chunks: [number, number][] = [];
  for (let c = 0; c < valueCols; c += MONTH_CHUNK) chunks.push([c, Math.min(valueCols, c + MONTH_CHUNK)]);
  for (const [from, to] of chunks) {
    const labelW = Math.min(200, WIDTH - (to - from) * 62);
    const colW = (WIDTH - labelW) / Math.max(1, to - from);
    const header = () => {
      w.ensure(rowH * 2);
      w.y -= rowH;
      w.text(table.headers[0]!, MARGIN, w.y + 4, size, { bold: true, maxWidth: labelW - 6 });
      for (let c = from; c < to; c++) w.text(table.headers[c + 1]!, MARGIN + labelW + (c - from + 1) * colW - 4, w.y + 4, size, { bold: true, right: true });
      w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + WIDTH, y: w.y }, thickness: 0.8, color: INK });
    };
    header();
    const rows = [...table.rows.map((r) => ({ ...r, bold: false })), ...(table.total ? [{ ...table.total, bold: true }] : [])];
    if (table.rows.length === 0) rows.unshift({ label: table.empty, cells: [], bold: false });
    for (const row of rows) {
      if (w.y - rowH < MARGIN + 20) {
        w.newPage();
        header();
      }
      w.y -= rowH;
      w.text(row.label, MARGIN, w.y + 4, size, { bold: row.bold, maxWidth: labelW - 6 });
      for (let c = from; c < to; c++) {
        const f = row.cells[c];
        if (f) w.text(figureText(f, locale), MARGIN + labelW + (c - from + 1) * colW - 4, w.y + 4, size, { bold: row.bold, right: true });
      }
      w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + WIDTH, y: w.y }, thickness: 0.4, color: RULE });
    }
    w.y -= 10;
  }
}

function drawChart(w: Writer, chart: ReportChart, locale: AppLocale) {
  const size = 7;
  w.ensure(30);
  w.y -= 12;
  w.text(chart.title, MARGIN, w.y, 9, { bold: true });
  if (chart.series.length > 1) {
    let x = MARGIN + w.width(chart.title, 9, true) + 16;
    chart.series.forEach((name, i) => {
      w.page.drawRectangle({ x, y: w.y, width: 8, height: 8, color: BARS[i % BARS.length] });
      w.text(name, x + 11, w.y + 1, 8);
      x += 11 + w.width(name, 8) + 12;
    });
  }
  w.y -= 6;
  const all = chart.bars.flatMap((b) => b.values.map(chartValue));
  const top = Math.max(1, ...all);
  if (chart.kind === "rows") {
    const bars = [...chart.bars].sort((a, b) => chartValue(b.values[0]!) - chartValue(a.values[0]!)).slice(0, MAX_CHART_ROWS);
    const labelW = 150;
    const barH = 11;
    for (const bar of bars) {
      w.ensure(barH + 4);
      w.y -= barH + 3;
      const f = bar.values[0]!;
      const len = ((WIDTH - labelW - 70) * chartValue(f)) / top;
      w.text(bar.label, MARGIN + labelW - 6, w.y + 2.5, size + 1, { right: true, maxWidth: labelW - 8 });
      w.page.drawRectangle({ x: MARGIN + labelW, y: w.y, width: Math.max(1, len), height: barH, color: BARS[0], opacity: f.kind === "small" ? 0.45 : 1 });
      w.text(figureText(f, locale), MARGIN + labelW + len + 4, w.y + 2.5, size + 1);
    }
    w.y -= 12;
    return;
  }
  // Columns: one group per month, value above each bar, month below.
  const height = 130;
  w.ensure(height + 40);
  const base = w.y - height - 14;
  const groupW = WIDTH / Math.max(1, chart.bars.length);
  const series = chart.series.length;
  const barW = Math.min(26, (groupW - 6) / series);
  w.page.drawLine({ start: { x: MARGIN, y: base }, end: { x: MARGIN + WIDTH, y: base }, thickness: 0.6, color: INK });
  chart.bars.forEach((bar, g) => {
    const x0 = MARGIN + g * groupW + (groupW - barW * series) / 2;
    bar.values.forEach((f: Figure, s) => {
      const h = ((height - 14) * chartValue(f)) / top;
      w.page.drawRectangle({ x: x0 + s * barW, y: base, width: barW - 1, height: Math.max(0.5, h), color: BARS[s % BARS.length], opacity: f.kind === "small" ? 0.45 : 1 });
      const label = figureText(f, locale).replace(/^(minstens|at least) /, "≥");
      w.text(label, x0 + s * barW + barW / 2, base + h + 2, chart.bars.length > 12 ? 5 : size, { center: true });
    });
    w.text(bar.label, MARGIN + g * groupW + groupW / 2, base - 10, chart.bars.length > 12 ? 5 : size, { center: true, color: MUTED });
  });
  w.y = base - 24;
}

/**
 * The report as an A4 PDF made with pdf-lib: heading, the "< 5" rule, then each section's
 * chart (simple vector bars, each with its printed figure; a hidden count is drawn at the
 * length of 4, paler) and its table. Page numbers in the footer; the document's language and
 * title are set for screen readers. Returns the file's bytes.
 */
export async function reportPdf(doc: ReportDocument, locale: AppLocale): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(doc.heading));
  pdf.setLanguage(INTL_LOCALE[locale]);
  pdf.setCreator("buurtpreventie");
  pdf.setProducer("pdf-lib");
  const w = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  w.paragraph(doc.heading, 16, { bold: true, gap: 4 });
  w.paragraph(doc.title, 11, { color: MUTED, gap: 4 });
  w.paragraph(doc.asOf, 9, { color: MUTED, gap: 8 });
  w.paragraph(doc.intro, 9.5);
  w.paragraph(doc.rule, 9.5, { gap: 14 });
  for (const section of doc.sections) {
    w.ensure(80);
    w.paragraph(section.title, 13, { bold: true, gap: 2 });
    w.paragraph(section.intro, 9, { color: MUTED, gap: 4 });
    if (section.chart) drawChart(w, section.chart, locale);
    drawTable(w, section.table, locale);
    w.y -= 8;
  }
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const label = printable(doc.labels.page(i + 1, pages.length));
    page.drawText(label, { x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(label, 8), y: MARGIN / 2, size: 8, font: w.regular, color: MUTED });
  });
  return pdf.save();
}
