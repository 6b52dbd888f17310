// Issue 14, "words, not codes": the audit log, an application's history and the inspection
// report speak the reader's language and name staff by name; our own 404 page; import and
// address-tester wording. Each test fails on the code before this change (see the report).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

test.describe.configure({ timeout: 120_000 });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const SHOTS = "/work/wt/shots";
async function shoot(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/words-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

// Codes the reader must never see: an audit action, an id from the database, raw JSON, enum values.
const CODE = /\b[a-z_]+\.[a-z_]+\b|\bc[a-z0-9]{20,}\b|[{}"]|\b(NEW|ASSIGNED|SUBMITTED|REPEAT_ATTEMPT|PENDING|SENT|STATUS_CHANGED|STAFF|RESIDENT)\b|\binGroup\b|\brepeatAttempts\b/;

test("the audit log: staff by name, actions in words, readable details, a filter by person, repeated views as one line", async ({ browser, page, db, signInAs, baseURL }) => {
  const contact = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'contact-1@example.org'`)).rows[0]!.id;
  const { rows: before } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'application.disclosed'`, [contact]);

  // Whatever this person did before (other specs open the group too) ends here, so the three
  // views below are a run of their own.
  await db.query(`INSERT INTO "AuditEvent" ("actorKind", "actorId", "actorRole", action, "subjectIds") VALUES ('STAFF', $1, 'CONTACT_PERSON', 'auth.sign_in', '{}')`, [contact]);
  // The contact person opens their group three times in a row: three disclosure records.
  const other = await browser.newContext({ baseURL });
  await signInAs("contact-1@example.org", other);
  const phone = await other.newPage();
  for (let i = 0; i < 3; i++) {
    await phone.goto("/staff/group");
    await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await other.close();
  const { rows: after } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'application.disclosed'`, [contact]);
  expect(after[0]!.n - before[0]!.n, "every view stays its own record").toBe(3);

  await signInAs("coordinator@example.org");
  await page.goto("/staff/audit");
  const filters = page.getByRole("form", { name: "Filteren" });
  // Every action in the filter has words, none is a code.
  const actions = await filters.getByLabel("Actie").locator("option").allTextContents();
  expect(actions.length).toBeGreaterThan(30);
  for (const label of actions) expect(label).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
  // The person filter is a list of names.
  await filters.getByLabel("Medewerker").selectOption({ label: "Demo Contactpersoon 1 (Contactpersoon)" });
  await filters.getByRole("button", { name: "Toepassen" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${contact}`));

  const table = page.getByRole("table", { name: "Logboek" });
  const first = table.getByRole("row").nth(1);
  await expect(first).toContainText("Demo Contactpersoon 1 (Contactpersoon)");
  await expect(first).toContainText("Naam en nummer bekeken");
  await expect(first).toContainText(/3 keer achter elkaar, sinds \d/);
  await expect(first).toContainText("Waar: in het overzicht van de contactpersoon");
  const subarea = (await db.query<{ name: string }>(`SELECT s.name FROM "Subarea" s JOIN "SubareaContact" c ON c."subareaId" = s.id WHERE c."userId" = $1 LIMIT 1`, [contact])).rows[0]!.name;
  await expect(first).toContainText(subarea);
  await expect(first).not.toContainText(/Subarea \d/);
  await expect(table).not.toContainText(CODE);
  await expectNoAxeViolations(page);

  // All events, any person: still no ids, codes or JSON anywhere in the table.
  await page.goto("/staff/audit");
  await expect(page.getByRole("table", { name: "Logboek" })).not.toContainText(CODE);
  await shoot(page, "audit");

  // In English too.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto(`/staff/audit?actor=${contact}`);
  await expect(page.getByRole("table", { name: "Audit trail" }).getByRole("row").nth(1)).toContainText("Name and number viewed");
  await expect(page.getByRole("table", { name: "Audit trail" }).getByRole("row").nth(1)).toContainText("3 times in a row");
});

test("the application history and the inspection report: statuses, events, fields and mail states in words, staff by name; the JSON keeps codes", async ({ page, db, signInAs, baseURL }) => {
  const { rows } = await db.query<{ id: number }>(
    `SELECT a.id FROM "Application" a JOIN "Subarea" s ON s.id = a."suggestedSubareaId" WHERE a.status = 'NEW' AND s.status = 'ACTIVE' AND a."anonymisedAt" IS NULL ORDER BY a.id DESC LIMIT 1`,
  );
  const id = rows[0]!.id;
  // The resident applied again with the same number, and a mail waits in the outbox.
  await db.query(`INSERT INTO "ApplicationEvent" ("applicationId", "actorKind", type, detail) VALUES ($1, 'RESIDENT', 'REPEAT_ATTEMPT', '{"fields":["repeatAttempts"],"version":1}')`, [id]);
  await db.query(`INSERT INTO "OutboxMail" ("applicationId", "to", subject, text, template, status, "nextAttemptAt", "messageId") VALUES ($1, 'inzage@example.net', 'Bevestiging', 'Tekst', 'test', 'PENDING', now() + interval '1 day', 'words-' || gen_random_uuid())`, [id]);

  await signInAs("coordinator@example.org");
  await page.goto(`/staff/applications/${id}`);
  await page.getByRole("button", { name: "Toewijzen" }).click();
  const history = page.getByRole("region", { name: "Geschiedenis" });
  await expect(history).toContainText("Toegewezen");
  await expect(history).toContainText("Nieuw → Toegewezen · Demo Coördinator (Coördinator)");
  await expect(history).toContainText("Opnieuw aangemeld · bewoner");
  await expect(history).not.toContainText(/medewerker c|Toegewezen · status|repeatAttempts|\bNEW\b/);
  await expectNoAxeViolations(page);

  const request = (
    await db.query<{ id: number }>(`INSERT INTO "PrivacyRequest" (type, "applicationId", "dueAt", "updatedAt") VALUES ('ACCESS', $1, now() + interval '1 month', now()) RETURNING id`, [id])
  ).rows[0]!.id;
  await page.goto(`/staff/privacy/${request}/export`);
  const report = page.getByRole("main");
  await expect(report.getByRole("region", { name: "Geschiedenis" })).toContainText("Opnieuw aangemeld");
  await expect(report.getByRole("region", { name: "Geschiedenis" })).toContainText("Demo Coördinator (coördinator)");
  await expect(report.getByRole("region", { name: "Geschiedenis" })).toContainText("Toegewezen · Nieuw → Toegewezen");
  await expect(report).toContainText("nog te versturen");
  await expect(report).toContainText("Nederlands");
  for (const code of ["SUBMITTED", "REPEAT_ATTEMPT", "repeatAttempts", "inGroup", "PENDING", "— → NEW", "STAFF"]) await expect(report).not.toContainText(code);
  await expectNoAxeViolations(page);
  await shoot(page, "inspection-report");

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto(`/staff/privacy/${request}/export`);
  await expect(page.getByRole("main")).toContainText("Applied again");
  await expect(page.getByRole("main")).toContainText("waiting to be sent");
  await expect(page.getByRole("main")).not.toContainText("REPEAT_ATTEMPT");

  // The download for machines keeps the codes.
  const json = await (await page.request.get(`/api/staff/privacy/${request}/export`)).json();
  expect(json.history).toEqual(expect.arrayContaining([expect.objectContaining({ type: "REPEAT_ATTEMPT", fields: ["repeatAttempts"], by: "RESIDENT" })]));
  expect(json.history).toEqual(expect.arrayContaining([expect.objectContaining({ type: "ASSIGNED", fromStatus: "NEW", toStatus: "ASSIGNED", staff: { name: "Demo Coördinator", role: "COORDINATOR" } })]));
  expect(json.mail).toEqual(expect.arrayContaining([expect.objectContaining({ status: "PENDING" })]));
  await db.query(`DELETE FROM "PrivacyRequest" WHERE id = $1`, [request]);
  await db.query(`DELETE FROM "OutboxMail" WHERE "applicationId" = $1 AND "to" = 'inzage@example.net'`, [id]);
});

test("not found: our own page in the visitor's language with the site's header and a way back, the same for a forbidden staff page", async ({ page, browser, signInAs, baseURL }) => {
  const response = await page.goto("/bestaat-niet");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  await expect(page.getByText("This page could not be found")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, "404");
  await page.getByRole("link", { name: "Naar de startpagina" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);

  // The language switch works on the 404 page too.
  await page.goto("/ook-niet");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();

  // A contact person on a coordinator's page: 404, and the very same page as an address that does not exist.
  const contact = await browser.newContext({ baseURL });
  await signInAs("contact-1@example.org", contact);
  const tab = await contact.newPage();
  const forbidden = await tab.goto("/staff/audit");
  expect(forbidden!.status()).toBe(404);
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
  await expect(tab.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  const forbiddenText = await tab.getByRole("main").innerText();
  const missing = await tab.goto("/staff/bestaat-niet");
  expect(missing!.status()).toBe(404);
  expect(await tab.getByRole("main").innerText()).toBe(forbiddenText);
  await expectNoAxeViolations(tab);
  await tab.getByRole("link", { name: "Naar je overzicht voor medewerkers" }).click();
  await expect(tab).toHaveURL(/\/staff\/group/);
  await contact.close();
});

test.describe("wording the coordinator can act on", () => {
  const IMPORTED = ["Iris Import", "Joost Import", "Karin Import", "Lotte Import"];
  test.beforeEach(async ({ db, signInAs }) => {
    await db.query(`DELETE FROM "Application" WHERE name = ANY($1)`, [IMPORTED]);
    await signInAs("coordinator@example.org");
  });

  test("the import button says it skips the bad rows, and does exactly that", async ({ page, db }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/leden-met-fout.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByRole("button", { name: "Importeer 3 aanmeldingen", exact: true })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await shoot(page, "import");
    // At 1280 px (as intake.spec.ts): at 360 px the shared DataTable's scrolling region is not focusable (a known, separate issue).
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Importeer 3 aanmeldingen, sla 1 regel over" }).click();
    await expect(page).toHaveURL(/\/staff\/import\?imported=3&skipped=1$/);
    expect((await db.query(`SELECT 1 FROM "Application" WHERE name = ANY($1) AND source = 'IMPORT'`, [IMPORTED])).rowCount).toBe(3);
    await db.query(`DELETE FROM "Application" WHERE name = ANY($1)`, [IMPORTED]);

    // A file without problems: the button just imports.
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/adressen-als-getypt.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByRole("button", { name: "Importeer 3 aanmeldingen", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Import annuleren" }).click();
  });

  test("the address tester names the subarea once and the rule by what it says", async ({ page }) => {
    await page.goto("/staff/subareas");
    const tester = page.getByRole("region", { name: "Adres testen" });
    await tester.getByLabel("Straat").fill("Admiraal Helfrichlaan");
    await tester.getByLabel("Huisnummer").fill("10");
    await tester.getByRole("button", { name: "Testen" }).click();
    const notice = tester.getByRole("status");
    await expect(notice).toContainText("Admiraal Helfrichlaan 10 valt in deelgebied Zuid (nog geen groep), door de adresregel ‘Admiraal Helfrichlaan, even nummers’.");
    await expect(notice).toContainText("Dat deelgebied heeft nog geen WhatsApp-groep");
    await expect(notice).not.toContainText("(nog geen groep) (nog geen groep)");
    await expect(notice).not.toContainText(/regel \d/);
    await expectNoAxeViolations(page);
  });
});
