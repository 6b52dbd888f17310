import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, test } from "./support/fixtures";

/**
 * The coordinator's inbox as a triage tool (issue 14, points 1–5): the subarea filter finds the
 * suggestions, one click takes them over, headers sort, it fits a phone, bulk feedback sits at
 * the buttons and keeps the selection after a mistake, and numbers read as a Dutch person writes them.
 */

const SHOTS = "/work/wt/shots";

/** Fresh NEW applications with a unique name prefix, suggested for `subareaId` (or none). */
async function insertNew(db: pg.Client, prefix: string, rows: { suggested: number | null; mobile?: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, row] of rows.entries()) {
    const mobile = row.mobile ?? `+3168${String(Date.now() % 1_000_000).padStart(6, "0")}${i}`.slice(0, 12);
    const { rows: inserted } = await db.query<{ id: number }>(
      `INSERT INTO "Application" (name, mobile, street, "houseNumber", postcode, "rulesVersion", "rulesAcceptedAt", status, "suggestedSubareaId", "updatedAt")
       VALUES ($1, $2, 'Spoorstraat', $3, '6951AB', '2026-11', now(), 'NEW', $4, now()) RETURNING id`,
      [`${prefix} ${String.fromCharCode(65 + i)}`, mobile, 10 + i, row.suggested],
    );
    ids.push(inserted[0]!.id);
  }
  return ids;
}

async function activeSubarea(db: pg.Client): Promise<{ id: number; name: string }> {
  const { rows } = await db.query<{ id: number; name: string }>(`SELECT id, name FROM "Subarea" WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`);
  return rows[0]!;
}

async function axeClean(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
}

test.describe("the inbox as a triage tool", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("coordinator@example.org");
  });

  test("1. the subarea filter finds suggested applications, and their suggestion is taken over in one go", async ({ page, db }) => {
    const subarea = await activeSubarea(db);
    const prefix = `Voorstel${Date.now()}`;
    const suggested = await insertNew(db, prefix, [{ suggested: subarea.id }, { suggested: subarea.id }, { suggested: subarea.id }]);
    const [withoutSuggestion] = await insertNew(db, `${prefix}Geen`, [{ suggested: null }]);

    // The seed has many new applications suggested for this subarea and none assigned while NEW.
    const seeded = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Application" WHERE status = 'NEW' AND ("subareaId" = $1 OR ("subareaId" IS NULL AND "suggestedSubareaId" = $1))`, [subarea.id]);
    await page.goto(`/staff/applications?status=NEW&subarea=${subarea.id}&size=100`);
    const table = page.getByRole("table", { name: "Aanmeldingen" });
    await expect(table.getByRole("row")).toHaveCount(Math.min(100, seeded.rows[0]!.n) + 1);
    await expect(table.getByText(`voorstel: ${subarea.name}`).first()).toBeVisible();

    // Narrow to the test's own rows, select all on the page, take the suggestion over.
    await page.goto(`/staff/applications?status=NEW&q=${prefix}`);
    await expect(table.getByRole("row")).toHaveCount(5);
    await page.getByRole("checkbox", { name: "Selecteer alles op deze pagina" }).check();
    for (const row of await table.getByRole("checkbox").all()) await expect(row).toBeChecked();
    await page.getByRole("button", { name: "Voorstel overnemen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "bijgewerkt" })).toHaveText("3 aanmeldingen bijgewerkt, 1 overgeslagen (geen voorstel of status staat dit niet toe).");

    const after = await db.query(`SELECT id, status, "subareaId" FROM "Application" WHERE id = ANY($1) ORDER BY id`, [[...suggested, withoutSuggestion]]);
    expect(after.rows).toEqual([
      ...suggested.map((id) => ({ id, status: "ASSIGNED", subareaId: subarea.id })),
      { id: withoutSuggestion, status: "NEW", subareaId: null },
    ]);
    // The same history line and audit event as a manual bulk assignment.
    const history = await db.query(`SELECT count(*)::int AS n FROM "ApplicationEvent" WHERE "applicationId" = ANY($1) AND type = 'ASSIGNED'`, [suggested]);
    expect(history.rows[0].n).toBe(3);
    const audit = await db.query(`SELECT "targetId", "subjectIds" FROM "AuditEvent" WHERE action = 'application.assigned' AND "subjectIds" && $1::int[] ORDER BY id DESC LIMIT 1`, [suggested]);
    expect(audit.rows[0]).toMatchObject({ targetId: String(subarea.id) });
    expect([...audit.rows[0].subjectIds].sort()).toEqual([...suggested].sort());

    // Now assigned, the rows show under the same subarea filter with their real subarea.
    await page.goto(`/staff/applications?status=ASSIGNED&subarea=${subarea.id}&q=${prefix}`);
    await expect(table.getByRole("row")).toHaveCount(4);
  });

  test("2. column headers are sort links with aria-sort that keep the filters, reachable by keyboard", async ({ page, db }) => {
    const subarea = await activeSubarea(db);
    await page.goto(`/staff/applications?status=NEW&subarea=${subarea.id}`);
    const table = page.getByRole("table", { name: "Aanmeldingen" });
    const nameHeader = table.getByRole("columnheader", { name: /^Naam/ });
    await expect(nameHeader).not.toHaveAttribute("aria-sort");
    await expect(table.getByRole("columnheader", { name: /^Aangemeld/ })).toHaveAttribute("aria-sort", "descending");

    // Keyboard: tab to the "Naam" header link and press Enter.
    const link = nameHeader.getByRole("link");
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=name/);
    const url = new URL(page.url());
    expect(url.searchParams.get("dir")).toBe("asc");
    expect(url.searchParams.get("status")).toBe("NEW");
    expect(url.searchParams.get("subarea")).toBe(String(subarea.id));
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    const names = await table.locator("tbody th").allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    // The database's own order for the same filter (its collation decides where "de Vries" goes).
    const { rows: expected } = await db.query<{ name: string }>(
      `SELECT name FROM "Application" WHERE status = 'NEW' AND ("subareaId" = $1 OR ("subareaId" IS NULL AND "suggestedSubareaId" = $1)) ORDER BY name ASC, id ASC LIMIT $2`,
      [subarea.id, names.length],
    );
    expect(names).toEqual(expected.map((r) => r.name));

    await nameHeader.getByRole("link").click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    // The filter form still carries the chosen sort.
    await page.getByRole("button", { name: "Toepassen" }).click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  });

  test("3. on a 360 px phone the inbox does not scroll sideways and the name stays in view", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/staff/applications?status=NEW");
    const table = page.getByRole("table", { name: "Aanmeldingen" });
    await expect(table).toBeVisible();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(360);

    // The table scrolls inside its own region (keyboard focusable); the first name stays visible.
    const region = page.getByRole("region", { name: "Tabel Aanmeldingen" });
    await region.evaluate((el) => {
      el.scrollIntoView({ block: "start" });
      el.scrollTo({ left: el.scrollWidth });
    });
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    const firstName = table.locator("tbody th").first();
    await expect(firstName).toBeInViewport({ ratio: 0.9 });
    const [nameBox, regionBox] = [await firstName.boundingBox(), await region.boundingBox()];
    expect(nameBox!.x).toBeGreaterThanOrEqual(regionBox!.x);
    await page.screenshot({ path: `${SHOTS}/triage-inbox-360-scrolled.png` });
    await axeClean(page, "360");
    await page.evaluate(() => window.scrollTo(0, 0));
    await region.evaluate((el) => el.scrollTo({ left: 0 }));
    await page.screenshot({ path: `${SHOTS}/triage-inbox-360.png`, fullPage: true });
  });

  test("3b. the inbox at 1280 px passes axe", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/staff/applications?status=NEW");
    await expect(page.getByRole("table", { name: "Aanmeldingen" })).toBeVisible();
    await axeClean(page, "1280");
    await page.screenshot({ path: `${SHOTS}/triage-inbox-1280.png`, fullPage: true });
  });

  for (const width of [360, 1280]) {
    test(`4. at ${width} px bulk feedback is announced at the buttons and a mistake keeps the selection`, async ({ page, db }) => {
      await page.setViewportSize({ width, height: 800 });
      const subarea = await activeSubarea(db);
      const prefix = `Bulk${width}x${Date.now()}`;
      const ids = await insertNew(db, prefix, [{ suggested: null }, { suggested: null }]);
      await page.goto(`/staff/applications?status=NEW&q=${prefix}`);
      const table = page.getByRole("table", { name: "Aanmeldingen" });
      await expect(table.getByRole("row")).toHaveCount(3);
      const boxes = table.locator("tbody").getByRole("checkbox");
      await boxes.nth(0).check();
      await boxes.nth(1).check();

      // No subarea chosen: an error at the buttons, the ticks stay.
      const assign = page.getByRole("button", { name: "Toewijzen", exact: true });
      await assign.click();
      const alert = page.getByRole("form", { name: "Met de geselecteerde aanmeldingen" }).getByRole("alert");
      await expect(alert).toContainText("Deelgebied");
      await expect(alert).toBeInViewport();
      await expect(boxes.nth(0)).toBeChecked();
      await expect(boxes.nth(1)).toBeChecked();

      await page.getByLabel("Deelgebied", { exact: true }).last().selectOption(String(subarea.id));
      await assign.click();
      const status = page.locator("#bulk-feedback");
      await expect(status).toHaveText("2 aanmeldingen bijgewerkt.");
      await expect(status).toHaveAttribute("role", "status");
      await expect(status).toBeInViewport();
      // Near the buttons: above the table, not below its rows.
      const [statusBox, tableBox] = [await status.boundingBox(), await table.boundingBox()];
      expect(statusBox!.y).toBeLessThan(tableBox!.y);
      const after = await db.query(`SELECT status FROM "Application" WHERE id = ANY($1)`, [ids]);
      expect(after.rows.map((r) => r.status)).toEqual(["ASSIGNED", "ASSIGNED"]);
      await page.screenshot({ path: `${SHOTS}/triage-bulk-${width}.png` });
    });
  }

  test("5. staff read Dutch numbers nationally and foreign ones internationally; tel: links stay E.164", async ({ page, db, signInAs, context }) => {
    const prefix = `Telefoon${Date.now()}`;
    const suffix = String(Date.now() % 100_000).padStart(5, "0");
    const dutch = `+316104${suffix}`;
    const belgian = `+32470${suffix}1`;
    const [dutchId] = await insertNew(db, prefix, [{ suggested: null, mobile: dutch }, { suggested: null, mobile: belgian }]);
    const dutchShown = `06 ${dutch.slice(4)}`;
    const belgianShown = `+32 470 ${belgian.slice(6, 8)} ${belgian.slice(8, 10)} ${belgian.slice(10, 12)}`;

    // Inbox.
    await page.goto(`/staff/applications?q=${prefix}`);
    const table = page.getByRole("table", { name: "Aanmeldingen" });
    await expect(table).toContainText(dutchShown);
    await expect(table).toContainText(belgianShown);
    await expect(table).not.toContainText(dutch);
    // Search results: searching by the national form finds it and shows it the same way.
    await page.goto(`/staff/applications?q=${encodeURIComponent(dutchShown)}`);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText(dutchShown);

    // Detail page: the number field reads nationally, and saving leaves the stored number alone.
    await page.goto(`/staff/applications/${dutchId}`);
    await expect(page.getByLabel("Mobiel nummer")).toHaveValue(dutchShown);
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("Opgeslagen.")).toBeVisible();
    expect((await db.query(`SELECT mobile FROM "Application" WHERE id = $1`, [dutchId])).rows[0].mobile).toBe(dutch);

    // The contact person's list: national on the card, E.164 behind the tel: link.
    const sub = (
      await db.query<{ id: number; email: string }>(
        `SELECT s.id, u.email FROM "SubareaContact" sc JOIN "Subarea" s ON s.id = sc."subareaId" JOIN "User" u ON u.id = sc."userId" WHERE s.status = 'ACTIVE' ORDER BY s.id LIMIT 1`,
      )
    ).rows[0]!;
    // Assigned long ago: first on the "to add" list, whose cards have the call button.
    await db.query(`UPDATE "Application" SET status = 'ASSIGNED', "subareaId" = $2, "statusChangedAt" = '2000-01-01' WHERE id = $1`, [dutchId, sub.id]);
    await context.clearCookies();
    await signInAs(sub.email);
    await page.goto(`/staff/group?subarea=${sub.id}`);
    const card = page.getByRole("listitem").filter({ hasText: `${prefix} A` });
    await expect(card).toContainText(dutchShown);
    await expect(card).not.toContainText(dutch);
    await expect(card.locator(`a[href="tel:${dutch}"]`)).toBeVisible();
  });
});
