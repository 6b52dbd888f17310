// Every public page: no accessibility violations (axe) in Dutch and in English, readable at
// 360 px without sideways scrolling, and the forms usable with the keyboard alone.
import type { BrowserContext, Page } from "@playwright/test";
import type { ServerKind } from "./support/e2e-env";
import { expect, linkIn, mailbox, test, waitForMail } from "./support/fixtures";
import { fillApplyForm, freshMobile, residentContext, sendForm } from "./support/public-forms";
import { fitsWidth, noViolations } from "./support/page-checks";

const PAGES = [
  "/",
  "/rules",
  "/tips",
  "/apply",
  "/apply/thanks",
  "/apply/thanks?area=waiting&mail=1",
  "/volunteer",
  "/volunteer/thanks",
  "/contact",
  "/contact/thanks",
  "/manage/erased",
  "/manage/not-a-valid-link",
];

let privateLink = "";

test.beforeAll(async ({ browser, baseURL }, info) => {
  // A real private link, from a real confirmation mail.
  const context = await residentContext(browser, baseURL!, true);
  const page = await context.newPage();
  const email = `a11y-${Date.now()}@example.org`;
  const since = (await mailbox(info.project.name as ServerKind)).length;
  await page.goto("/apply");
  await fillApplyForm(page, { mobile: freshMobile().typed, email });
  await sendForm(page, "Aanmelden");
  await expect(page).toHaveURL(/\/apply\/thanks/);
  privateLink = new URL(linkIn(await waitForMail(info.project.name as ServerKind, email, since))).pathname;
  await context.close();
});

for (const locale of ["nl", "en"] as const) {
  test.describe(locale === "nl" ? "in Dutch" : "in English", () => {
    let context: BrowserContext;
    let page: Page;
    test.beforeEach(async ({ browser, baseURL }) => {
      context = await residentContext(browser, baseURL!, true);
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 800 });
    });
    test.afterEach(() => context.close());

    for (const path of [...PAGES, "private link"]) {
      test(`${path} has no axe violations and fits 360 px`, async () => {
        await page.goto(path === "private link" ? privateLink : path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await noViolations(page, path);
        await fitsWidth(page, path);
      });
    }

    for (const [path, nl, en] of [["/apply", "Aanmelden", "Apply"], ["/volunteer", "Versturen", "Send"], ["/contact", "Versturen", "Send"]] as const) {
      test(`${path} with its field errors showing has no axe violations and fits 360 px`, async () => {
        await page.goto(path);
        await sendForm(page, locale === "nl" ? nl : en);
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
        await noViolations(page, `${path} with errors`);
        await fitsWidth(page, `${path} with errors`);
      });
    }
  });
}

test("the home page lists the subareas that have a group, from the database", async ({ page, db }) => {
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM "Subarea" WHERE status = 'ACTIVE' ORDER BY name`);
  expect(rows.length).toBe(4);
  await page.goto("/");
  const list = page.getByRole("region", { name: "Welk gebied?" }).getByRole("listitem");
  await expect(list).toHaveText(rows.map((r) => r.name));
  await expect(page.getByRole("region", { name: "Welk gebied?" })).toContainText("ten noorden van de Admiraal Helfrichlaan");
  await expect(page.getByRole("region", { name: "Wie steunt dit?" })).toContainText("gemeente Rheden en de politie");
});

test("the English switch works on the public pages without JavaScript", async ({ browser, baseURL }) => {
  const context = await residentContext(browser, baseURL!, false);
  const page = await context.newPage();
  await page.goto("/rules");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regels van de groep");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Group rules");
  await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Join" })).toBeVisible();
  await context.close();
});

test("a resident applies with the keyboard alone", async ({ browser, baseURL, db }) => {
  const context = await residentContext(browser, baseURL!, true);
  const page = await context.newPage();
  const mobile = freshMobile();
  await page.goto("/");
  // From the top of the page: skip link, then the navigation to the form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeFocused();
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanmelden" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apply$/);
  await page.getByLabel("Naam").focus();
  for (const value of ["Kees Toetsenbord", mobile.typed, "Beukenlaan", "3", "6951AC"]) {
    await page.keyboard.type(value);
    await page.keyboard.press("Tab");
  }
  // E-mail left empty; on to the rules box.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/Ik volg de regels/)).toBeFocused();
  await page.keyboard.press("Space");
  await page.waitForTimeout(1100);
  // Past the two links under the box to the button.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Aanmelden" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apply\/thanks$/);
  const { rows } = await db.query(`SELECT name, street, status FROM "Application" WHERE mobile = $1`, [mobile.e164]);
  expect(rows).toEqual([{ name: "Kees Toetsenbord", street: "Beukenlaan", status: "NEW" }]);
  await context.close();
});

test("the footer links to the privacy statement and the apply form's consent text too", async ({ page }) => {
  await page.goto("/apply");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacyverklaring" })).toHaveAttribute("href", "/privacy");
  await expect(page.getByRole("link", { name: "Hoe we met je gegevens omgaan" })).toHaveAttribute("href", "/privacy");
});
