// Flyers and posters (issue 16, part 1): a coordinator downloads a flyer for a street with a
// group and a poster for a street without one through the page; each download is a one-page PDF
// whose QR code (decoded from a real rendering and from the embedded image) leads to the right
// form with the street filled in, and whose text says what it should. A contact person gets 404.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { fitsWidth, noViolations } from "./support/page-checks";
import { residentContext } from "./support/public-forms";
import { renderPdfPage } from "./support/render-pdf";
import { readFlyerPdf } from "../helpers/read-flyer-pdf";

// Screenshots of the page and the rendered PDFs, when asked for (SHOTS_DIR=…).
const SHOTS = process.env.SHOTS_DIR;

async function download(page: import("@playwright/test").Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PDF downloaden" }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test("a coordinator downloads a flyer for a subarea's street and a poster for an uncovered street; the QR codes lead to the prefilled forms", async ({ page, signInAs, browser, baseURL }) => {
  await signInAs("coordinator@example.org");
  await page.goto("/staff");
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Flyers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flyers en posters");

  // A5 flyer, in Dutch, for the Kerkstraat in Deelgebied 1.
  await page.getByLabel("Voor").selectOption({ label: "Kerkstraat (Deelgebied 1 – Noordwest)" });
  await page.getByRole("radio", { name: "Flyer, A5" }).check();
  await page.getByRole("radio", { name: "Nederlands" }).check();
  const flyer = await download(page);
  expect(flyer.name).toBe("flyer-a5-kerkstraat-nl.pdf");
  expect(flyer.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const applyUrl = `${baseURL}/apply?straat=Kerkstraat`;
  const a5 = await readFlyerPdf(flyer.bytes);
  expect(a5.pages).toBe(1);
  expect(a5.size).toEqual([419.53, 595.28]);
  expect(a5.qr).toEqual([applyUrl]);
  for (const text of ["Samen alert in de Kerkstraat", "waarschuwen elkaar via een WhatsApp-groep", "Bel eerst 112", "Huisregels: eerst 112, dan de groep", `${baseURL!.replace("http://", "")}/apply?straat=Kerkstraat`]) {
    expect(a5.text).toContain(text);
  }
  const rendered = await renderPdfPage(browser, flyer.bytes, 2);
  expect(rendered.qr).toBe(applyUrl);

  // A4 poster, in English, for the Zuiderlaan, where residents wait for a group.
  await page.getByLabel("Voor").selectOption({ label: "Zuiderlaan" });
  await page.getByRole("radio", { name: "Poster, A4" }).check();
  await page.getByRole("radio", { name: "Engels" }).check();
  const poster = await download(page);
  expect(poster.name).toBe("poster-a4-zuiderlaan-en.pdf");
  const volunteerUrl = `${baseURL}/volunteer?straat=Zuiderlaan`;
  const a4 = await readFlyerPdf(poster.bytes);
  expect(a4.pages).toBe(1);
  expect(a4.size).toEqual([595.28, 841.89]);
  expect(a4.qr).toEqual([volunteerUrl]);
  for (const text of ["Who will start the neighbourhood-watch group in Zuiderlaan?", "Become the contact person", "Call 112 first", "House rules: 112 first, then the group"]) {
    expect(a4.text).toContain(text);
  }
  const renderedPoster = await renderPdfPage(browser, poster.bytes, 1.5);
  expect(renderedPoster.qr).toBe(volunteerUrl);

  // A resident scans the codes: the forms open with the street filled in.
  const resident = await residentContext(browser, baseURL!, true);
  const phone = await resident.newPage();
  await phone.goto(rendered.qr!);
  await expect(phone.getByLabel("Straat")).toHaveValue("Kerkstraat");
  await phone.goto(renderedPoster.qr!);
  await expect(phone.getByLabel(/straten/i)).toHaveValue("Zuiderlaan");
  // Markup in the parameter is never echoed: the field stays empty.
  await phone.goto(`/apply?straat=${encodeURIComponent('<img src=x onerror="alert(1)">')}`);
  await expect(phone.getByLabel("Straat")).toHaveValue("");
  expect(await phone.content()).not.toContain("<img src=x");
  await resident.close();

  // A forged choice sends the coordinator back with a message, never a 500.
  const forged = await page.goto("/api/staff/flyers?target=street%3AKerkstraat&format=A5&lang=nl");
  expect(forged?.status()).toBe(200);
  expect(page.url()).toContain("/staff/flyers?error=choice");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Deze keuze kennen we niet (meer). Kies opnieuw een deelgebied of straat.");
  expect((await page.request.get("/api/staff/flyers?format=A9")).status()).not.toBe(500);

  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(`${SHOTS}/flyers-pdf-a5-kerkstraat-nl.png`, rendered.png);
    writeFileSync(`${SHOTS}/flyers-pdf-a4-zuiderlaan-en.png`, renderedPoster.png);
  }
});

test("the flyer page has no axe violations at 360 and 1280 px, and a contact person gets 404", async ({ page, signInAs, browser, baseURL }) => {
  await signInAs("coordinator@example.org");
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/staff/flyers");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noViolations(page, `/staff/flyers at ${width}px`);
    await fitsWidth(page, "/staff/flyers");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/flyers-page-${width}.png`, fullPage: true });
  }
  await page.goto("/staff/flyers?error=choice");
  await noViolations(page, "/staff/flyers with its message");

  const context = await browser.newContext({ baseURL });
  await signInAs("contact-1@example.org", context);
  const contact = await context.newPage();
  expect((await contact.goto("/staff/flyers"))?.status()).toBe(404);
  expect((await contact.request.get("/api/staff/flyers?target=street%3AZuiderlaan&format=A5&lang=nl")).status()).toBe(404);
  await contact.goto("/staff/group");
  await expect(contact.getByRole("link", { name: "Flyers" })).toHaveCount(0);
  await context.close();
  // Signed out: no PDF either.
  expect((await (await browser.newContext({ baseURL })).request.get("/api/staff/flyers?target=street%3AZuiderlaan&format=A5&lang=nl", { maxRedirects: 0 })).status()).toBe(401);
});
