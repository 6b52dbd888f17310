import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// axe takes several seconds per page on a busy two-core machine; these tests run it often.
test.describe.configure({ timeout: 180_000 });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("the privacy statement", () => {
  test("renders in Dutch and in English with the configured retention periods", async ({ page }) => {
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacyverklaring");
    const retention = page.locator("#retention");
    await expect(retention.locator('[data-item="rejected"]')).toHaveText("Afgewezen aanmeldingen: gewist 30 dagen na de afwijzing.");
    await expect(retention.locator('[data-item="left"]')).toContainText("geanonimiseerd 12 maanden na je vertrek");
    await expect(retention.locator('[data-item="waitingErase"]')).toContainText("24 maanden");
    await expect(page.locator('[data-item="contactPerson"]')).toContainText("alleen naam, mobiel nummer en status");
    await expect(page.getByText("Buurtpreventie Dieren-West is verantwoordelijk")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy statement");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator('[data-item="rejected"]')).toHaveText("Rejected applications: erased 30 days after the rejection.");
    await expect(page.locator('[data-item="auditEvents"]')).toContainText("deleted after 24 months");
    await expectNoAxeViolations(page);
  });

  test("links to the processing register, which is public too", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Privacyverklaring" }).click();
    await page.getByRole("link", { name: /Het register van verwerkingen/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register van verwerkingen");
    await expect(page.getByRole("heading", { level: 2, name: "Aanmeldingen voor de buurtpreventiegroepen" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("privacy requests", () => {
  test("a coordinator records a request, sees its deadline, and opens the access export", async ({ page, db, signInAs }) => {
    await signInAs("coordinator@example.org");
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM "Application" WHERE status = 'ADDED' ORDER BY id LIMIT 1`);
    const applicationId = rows[0]!.id;

    await page.goto("/staff/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacyverzoeken" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Without a kind: a message at the field, nothing stored.
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await expect(page.getByText("Kies het soort verzoek.")).toBeVisible();
    await expect(page.getByLabel("Soort verzoek")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Soort verzoek").selectOption({ label: "Inzage" });
    await page.getByLabel("Aanmeldingsnummer (als bekend)").fill(String(applicationId));
    await page.getByRole("button", { name: "Vastleggen" }).click();
    await expect(page).toHaveURL(/\/staff\/privacy\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Inzage");
    await expect(page.getByText(/Uiterlijk af op \d{1,2} \w+ \d{4}:/)).toBeVisible();
    await expect(page.getByText(/^nog (2[7-9]|3[01]) dagen$/)).toBeVisible();
    await expectNoAxeViolations(page);
    const requestId = Number(/\/staff\/privacy\/(\d+)$/.exec(page.url())![1]);

    await page.getByRole("link", { name: "Inzage-overzicht bekijken" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Inzage-overzicht (verzoek ${requestId})`);
    await expect(page.getByRole("heading", { name: "Wie naam en nummer te zien kreeg" })).toBeVisible();
    await expectNoAxeViolations(page);
    const json = await page.request.get(`/api/staff/privacy/${requestId}/export`);
    expect(json.status()).toBe(200);
    expect((await json.json()).application.id).toBe(applicationId);

    await page.goto("/staff/privacy");
    const row = page.getByRole("row", { name: new RegExp(`^${requestId} Inzage`) });
    await expect(row).toContainText(/nog \d+ dagen/);
  });

  test("the dashboard shows requests near their deadline", async ({ page, db, signInAs }) => {
    await db.query(`INSERT INTO "PrivacyRequest" (type, "receivedAt", "dueAt", "updatedAt") VALUES ('OBJECTION', now() - interval '28 days', now() + interval '3 days', now())`);
    await signInAs("coordinator@example.org");
    await page.goto("/staff");
    const block = page.getByRole("region", { name: "Privacyverzoeken met een naderende termijn" });
    await expect(block.getByRole("listitem").filter({ hasText: "Bezwaar" })).toContainText("nog 3 dagen");
    await expectNoAxeViolations(page);
  });

  test("an erasure request is carried out from its page", async ({ page, db, signInAs }) => {
    const { rows } = await db.query<{ id: number; mobile: string }>(`SELECT id, mobile FROM "Application" WHERE status = 'NEW' ORDER BY id LIMIT 1`);
    const { rows: created } = await db.query<{ id: number }>(
      `INSERT INTO "PrivacyRequest" (type, "applicationId", "receivedAt", "dueAt", "updatedAt") VALUES ('ERASURE', $1, now(), now() + interval '1 month', now()) RETURNING id`,
      [rows[0]!.id],
    );
    await signInAs("coordinator@example.org");
    await page.goto(`/staff/privacy/${created[0]!.id}`);
    await page.getByRole("button", { name: "Nu alles wissen" }).click();
    await expect(page.getByText(/^Afgehandeld\. Afgehandeld op/)).toBeVisible();
    await expect(page.getByText(/Persoonsgegevens gewist op/)).toBeVisible();
    const { rows: after } = await db.query(`SELECT 1 FROM "Application" WHERE mobile = $1`, [rows[0]!.mobile]);
    expect(after).toEqual([]);
  });

  test("are not for contact persons", async ({ page, signInAs }) => {
    await signInAs("contact-1@example.org");
    const response = await page.goto("/staff/privacy");
    expect(response?.status()).toBe(404);
  });
});
