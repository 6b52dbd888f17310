/**
 * Renders the first page of a PDF in the browser with pdf.js (pdfjs-dist, from node_modules),
 * as a printer would see it: a PNG of the page and its pixels, for jsqr. Served from a
 * throwaway origin by Playwright's router, so nothing of the app is involved.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";

const BUILD = path.join(process.cwd(), "node_modules/pdfjs-dist/legacy/build");
const JSQR = path.join(process.cwd(), "node_modules/jsqr/dist/jsQR.js");
const ORIGIN = "http://pdf-render.test";

/** The rendered page at `scale` × 72 dpi: a PNG and the QR code jsqr reads from its pixels (or null). */
export async function renderPdfPage(browser: Browser, pdf: Uint8Array, scale = 2): Promise<{ png: Buffer; qr: string | null; width: number; height: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === "flyer.pdf") return route.fulfill({ body: Buffer.from(pdf), contentType: "application/pdf" });
      if (name === "pdf.mjs" || name === "pdf.worker.mjs") return route.fulfill({ body: readFileSync(path.join(BUILD, name)), contentType: "text/javascript" });
      if (name === "jsQR.js") return route.fulfill({ body: readFileSync(JSQR), contentType: "text/javascript" });
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><script src=/jsQR.js></script><body style='margin:0'><canvas id=c></canvas></body>" });
    });
    await page.goto(`${ORIGIN}/`);
    const size = await page.evaluate(async ({ scale }) => {
      const pdfjs = await import("/pdf.mjs" as string);
      pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
      const doc = await pdfjs.getDocument({ url: "/flyer.pdf" }).promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale });
      const canvas = document.getElementById("c") as HTMLCanvasElement;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await first.render({ canvas, canvasContext: canvas.getContext("2d")!, viewport }).promise;
      return { width: canvas.width, height: canvas.height };
    }, { scale });
    // jsqr reads the canvas's pixels in the page (copying megabytes of pixels out is slow).
    const qr = await page.evaluate(() => {
      const canvas = document.getElementById("c") as HTMLCanvasElement;
      const image = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      const decode = (window as unknown as { jsQR: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null }).jsQR;
      return decode(image.data, image.width, image.height)?.data ?? null;
    });
    const png = await page.locator("#c").screenshot();
    return { png, qr, ...size };
  } finally {
    await context.close();
  }
}
