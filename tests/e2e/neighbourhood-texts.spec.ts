// Any neighbourhood, without code: the texts about the area and the volunteer introduction are
// set by a coordinator in the console (both languages, with an example while typing) and shown
// on the public pages; a contact person cannot reach the page.
import { expect, test } from "./support/fixtures";
import { fitsWidth, noViolations } from "./support/page-checks";
import { residentContext } from "./support/public-forms";

const AREA = {
  nl: "De groepen dekken Velp-Noord, tussen de Arnhemsestraat en het spoor.",
  en: "The groups cover Velp-Noord, between the Arnhemsestraat and the railway.",
};
const STREETS = { nl: "Bijvoorbeeld: Stationsstraat en Emmastraat.", en: "For example: Stationsstraat and Emmastraat." };

test.afterEach(async ({ db }) => {
  await db.query(`DELETE FROM "NeighbourhoodText"`);
});

test("a coordinator sets the area text and the example streets in both languages; the public pages show them", async ({ page, db, signInAs, browser, baseURL }) => {
  await signInAs("coordinator@example.org");
  await page.goto("/staff");
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Teksten van de buurt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Teksten van de buurt");

  const area = page.getByRole("group", { name: "Welk gebied de groepen dekken" });
  // Dieren-West's text until someone changes it.
  await expect(area.getByLabel("Nederlands")).toHaveValue(/ten westen van de Harderwijkerweg/);
  await area.getByLabel("Nederlands").fill(AREA.nl);
  await area.getByLabel("Engels").fill(AREA.en);
  // The example follows the typing.
  await expect(area.locator("p").filter({ hasText: AREA.nl })).toBeVisible();
  const streets = page.getByRole("group", { name: "Voorbeeld van straten" });
  await streets.getByLabel("Nederlands").fill(STREETS.nl);
  await streets.getByLabel("Engels").fill(STREETS.en);
  await page.getByRole("button", { name: "Teksten opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Opgeslagen. De openbare pagina's tonen de nieuwe teksten.");
  const { rows } = await db.query(`SELECT key, nl, en FROM "NeighbourhoodText" ORDER BY key`);
  expect(rows).toEqual([
    { key: "coveredArea", ...AREA },
    { key: "volunteerStreetsExample", ...STREETS },
  ]);

  // A resident sees them, in Dutch and in English; untouched texts keep their default.
  for (const locale of ["nl", "en"] as const) {
    const context = await residentContext(browser, baseURL!, false);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    const resident = await context.newPage();
    await resident.goto("/");
    const region = resident.getByRole("region", { name: locale === "nl" ? "Welk gebied?" : "Which area?" });
    await expect(region).toContainText(AREA[locale]);
    await expect(region).not.toContainText("Harderwijkerweg");
    await expect(region).toContainText(locale === "nl" ? "ten zuiden van de Admiraal Helfrichlaan" : "south of the Admiraal Helfrichlaan");
    await resident.goto("/volunteer");
    await expect(resident.getByText(STREETS[locale], { exact: true })).toBeVisible();
    await context.close();
  }
});

test("the settings page works at 360 px with no axe violations, and a contact person cannot open it", async ({ page, browser, baseURL, signInAs }) => {
  await signInAs("coordinator@example.org");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/staff/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noViolations(page, "/staff/settings");
  await fitsWidth(page, "/staff/settings");

  const context = await browser.newContext({ baseURL });
  await signInAs("contact-1@example.org", context);
  const contact = await context.newPage();
  const response = await contact.goto("/staff/settings");
  expect(response?.status()).toBe(404);
  await contact.goto("/staff/group");
  await expect(contact.getByRole("link", { name: "Teksten van de buurt" })).toHaveCount(0);
  await context.close();
});
