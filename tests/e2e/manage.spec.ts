// The resident's private link from the confirmation mail: view, confirm, correct, withdraw and
// erase — with JavaScript and without.
import type { Page } from "@playwright/test";
import type { ServerKind } from "./support/e2e-env";
import { expect, linkIn, mailbox, test, waitForMail } from "./support/fixtures";
import { applicationsOf, expectFieldError, fillApplyForm, freshMobile, residentContext, sendForm } from "./support/public-forms";

/** Applies with an e-mail address and returns the private link from the real mail. */
async function applyAndGetLink(page: Page, kind: ServerKind, mobile: string, email: string, houseNumber?: string): Promise<string> {
  const since = (await mailbox(kind)).length;
  await page.goto("/apply");
  await fillApplyForm(page, { mobile, email, name: "Anna de Vries", houseNumber });
  await sendForm(page, "Aanmelden");
  await expect(page).toHaveURL(/\/apply\/thanks/);
  return linkIn(await waitForMail(kind, email, since));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    let page: Page;
    test.beforeEach(async ({ browser, baseURL }) => {
      page = await (await residentContext(browser, baseURL!, javaScriptEnabled)).newPage();
    });
    test.afterEach(async () => {
      await page.context().close();
    });

    test("the private link shows, corrects, withdraws and erases the resident's own data", async ({ db }, info) => {
      const kind = info.project.name as ServerKind;
      const mobile = freshMobile();
      const email = `manage-${Date.now()}-${javaScriptEnabled}@example.org`;
      const link = await applyAndGetLink(page, kind, mobile.typed, email);
      const path = new URL(link).pathname;

      // View: own data, no internal notes, and a page that never sends its address on.
      await db.query(`UPDATE "Application" SET notes = 'INTERNE NOTITIE' WHERE mobile = $1`, [mobile.e164]);
      const response = await page.goto(path);
      expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je aanmelding");
      const details = page.getByRole("region", { name: "Je gegevens" });
      await expect(details).toContainText("Anna de Vries");
      await expect(details).toContainText(`06 ${mobile.e164.slice(4)}`);
      await expect(details).toContainText("Kerkstraat 12A, 6951 AB");
      await expect(details).toContainText(`${email} (nog niet bevestigd)`);
      await expect(page.locator("main")).not.toContainText("INTERNE NOTITIE");

      // Confirm the e-mail address (double opt-in).
      await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
      await expect(page.getByRole("status")).toHaveText("Bedankt, je e-mailadres is bevestigd.");
      await expect(details).toContainText(`${email} (bevestigd)`);

      // Correct: bad input is refused per field and changes nothing; good input is saved.
      const form = page.getByRole("form", { name: "Gegevens wijzigen" });
      await form.getByLabel("Postcode").fill("12");
      await form.getByLabel("Mobiel nummer").fill("026-1234567");
      await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
      await expectFieldError(page, "Postcode", /Nederlandse postcode/);
      await expectFieldError(page, "Mobiel nummer", /vast nummer/);
      expect((await db.query(`SELECT postcode FROM "Application" WHERE mobile = $1`, [mobile.e164])).rows).toEqual([{ postcode: "6951AB" }]);

      await form.getByLabel("Mobiel nummer").fill(mobile.typed);
      await form.getByLabel("Straat").fill("Zuiderlaan");
      await form.getByLabel("Huisnummer").fill("9");
      await form.getByLabel("Postcode").fill("6953 AB");
      await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
      await expect(page.getByRole("status")).toHaveText("Je wijzigingen zijn opgeslagen.");
      await expect(details).toContainText("Zuiderlaan 9, 6953 AB");
      await expect(page.getByRole("region", { name: "Status" })).toContainText("Voor jouw straat is nog geen groep");
      expect((await applicationsOf(db, mobile.e164)).map((r) => r.status)).toEqual(["WAITING"]);

      // Withdraw.
      await page.getByRole("button", { name: "Meld me af" }).click();
      await expect(page.getByRole("status")).toContainText("Je bent afgemeld.");
      expect((await applicationsOf(db, mobile.e164)).map((r) => r.status)).toEqual(["WITHDRAWN"]);
      await expect(page.getByRole("button", { name: "Meld me af" })).toHaveCount(0);

      // Erase: asks for the tick first, then erases at once; the link is dead afterwards.
      const own = (await db.query(`SELECT id FROM "Application" WHERE mobile = $1`, [mobile.e164])).rows;
      expect(own).toHaveLength(1);
      await page.getByRole("button", { name: "Wis mijn gegevens nu" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Vink eerst aan" })).toBeVisible();
      await page.getByLabel("Ja, wis mijn gegevens").check();
      await page.getByRole("button", { name: "Wis mijn gegevens nu" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je gegevens zijn gewist");
      const { rows } = await db.query(`SELECT name, mobile, street, email, "manageTokenHash", "anonymisedAt" IS NOT NULL AS erased FROM "Application" WHERE id = $1`, [own[0].id]);
      expect(rows).toEqual([{ name: "", mobile: "", street: "", email: null, manageTokenHash: null, erased: true }]);
      expect(await applicationsOf(db, mobile.e164)).toEqual([]);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet (meer)");
    });
  });
}

test("saving the correction form unchanged keeps 12-2 as number 12 + addition 2, never 122", async ({ browser, baseURL, db }, info) => {
  const kind = info.project.name as ServerKind;
  const page = await (await residentContext(browser, baseURL!, true)).newPage();
  const mobile = freshMobile();
  const link = await applyAndGetLink(page, kind, mobile.typed, `house-${Date.now()}@example.org`, "12-2");
  await page.goto(link);
  const stored = () => db.query(`SELECT "houseNumber", "houseLetter", "houseNumberSuffix", version FROM "Application" WHERE mobile = $1`, [mobile.e164]);
  expect((await stored()).rows).toEqual([{ houseNumber: 12, houseLetter: null, houseNumberSuffix: "2", version: 1 }]);
  await expect(page.getByRole("region", { name: "Je gegevens" })).toContainText("Kerkstraat 12-2, 6951 AB");
  const form = page.getByRole("form", { name: "Gegevens wijzigen" });
  await expect(form.getByLabel("Huisnummer")).toHaveValue("12-2");
  await form.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  expect((await stored()).rows).toEqual([{ houseNumber: 12, houseLetter: null, houseNumberSuffix: "2", version: 1 }]);
  await expect(page.getByRole("region", { name: "Je gegevens" })).toContainText("Kerkstraat 12-2, 6951 AB");
  await page.context().close();
});

test("a changed e-mail address gets a new link; the old one stops working", async ({ browser, baseURL }, info) => {
  const kind = info.project.name as ServerKind;
  const page = await (await residentContext(browser, baseURL!, true)).newPage();
  const mobile = freshMobile();
  const link = await applyAndGetLink(page, kind, mobile.typed, `old-${Date.now()}@example.org`);
  await page.goto(link);
  const since = (await mailbox(kind)).length;
  const fresh = `new-${Date.now()}@example.org`;
  await page.getByRole("form", { name: "Gegevens wijzigen" }).getByLabel("E-mailadres").fill(fresh);
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("nieuwe link");
  const newLink = linkIn(await waitForMail(kind, fresh, since));
  expect(new URL(page.url()).pathname).toBe(new URL(newLink).pathname);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet (meer)");
  await page.context().close();
});

test.describe("privacy on the private page", () => {
  test("a resident makes a privacy request, and a waiting resident who was asked confirms they keep waiting", async ({ page, db }, info) => {
    const kind = info.project.name as ServerKind;
    const mobile = freshMobile();
    const email = `privacy-${Date.now()}@example.org`;
    const path = new URL(await applyAndGetLink(page, kind, mobile.typed, email)).pathname;
    await page.goto(path);

    const request = page.getByRole("form", { name: "Een privacyverzoek doen" });
    await request.getByRole("button", { name: "Verzoek versturen" }).click();
    await expect(request.getByRole("alert")).toContainText("Kies wat je wilt");
    await request.getByLabel("Inzage: alles wat jullie van mij bewaren").check();
    await request.getByRole("button", { name: "Verzoek versturen" }).click();
    await expect(request.getByRole("status")).toContainText("Je verzoek is ontvangen. We reageren uiterlijk op");
    const { rows } = await db.query(
      `SELECT r.type, r.origin, r.status FROM "PrivacyRequest" r JOIN "Application" a ON a.id = r."applicationId" WHERE a.mobile = $1`,
      [mobile.e164],
    );
    expect(rows).toEqual([{ type: "ACCESS", origin: "RESIDENT", status: "OPEN" }]);

    // The purge job asked this resident (now waiting) whether to keep waiting.
    await db.query(`UPDATE "Application" SET status = 'WAITING', "reconfirmAskedAt" = now() WHERE mobile = $1`, [mobile.e164]);
    await page.reload();
    const reconfirm = page.getByRole("form", { name: "Blijven wachten op een groep?" });
    await reconfirm.getByRole("button", { name: "Ja, ik wil blijven wachten" }).click();
    await expect(reconfirm.getByRole("status")).toHaveText("Bedankt. Je blijft op de wachtlijst.");
    const after = await db.query(`SELECT "reconfirmedAt" IS NOT NULL AS confirmed FROM "Application" WHERE mobile = $1`, [mobile.e164]);
    expect(after.rows).toEqual([{ confirmed: true }]);
  });
});
