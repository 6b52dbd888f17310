import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test.describe("the coordinator console", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("coordinator@example.org");
  });

  test("triage: a new application goes from the inbox to assigned", async ({ page, db }) => {
    const { rows } = await db.query<{ id: number; name: string }>(
      `SELECT a.id, a.name FROM "Application" a JOIN "Subarea" s ON s.id = a."suggestedSubareaId" WHERE a.status = 'NEW' AND s.status = 'ACTIVE' ORDER BY a.id LIMIT 1`,
    );
    const target = rows[0]!;
    await page.goto("/staff/applications?status=NEW");
    await page.getByRole("search", { name: "Filters" }).getByLabel("Zoek op naam, straat of telefoonnummer").fill(target.name);
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.getByRole("link", { name: target.name }).first().click();
    await expect(page).toHaveURL(new RegExp(`/staff/applications/${target.id}$`));
    await page.getByRole("button", { name: "Toewijzen" }).click();
    await expect(page.getByRole("main").locator("header").getByText("Toegewezen", { exact: true })).toBeVisible();
    const after = await db.query(`SELECT status, "subareaId" = "suggestedSubareaId" AS suggested FROM "Application" WHERE id = $1`, [target.id]);
    expect(after.rows[0]).toEqual({ status: "ASSIGNED", suggested: true });
  });

  test("two coordinators editing at once: the second save gets a conflict naming what changed", async ({ page, browser, db, baseURL }) => {
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM "Application" WHERE status = 'ASSIGNED' ORDER BY id DESC LIMIT 1`);
    const id = rows[0]!.id;
    const other = await browser.newContext({ baseURL, locale: "nl-NL" });
    const token = crypto.randomUUID();
    await db.query(`INSERT INTO "Session" ("sessionToken","userId",expires,"updatedAt") SELECT $1,id,now()+interval '1 hour',now() FROM "User" WHERE email='coordinator@example.org'`, [token]);
    await other.addCookies([{ name: "authjs.session-token", value: token, url: baseURL! }]);
    const second = await other.newPage();
    await page.goto(`/staff/applications/${id}`);
    await second.goto(`/staff/applications/${id}`);

    await page.getByLabel("Naam", { exact: true }).fill("Eerst Opgeslagen");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("Opgeslagen.")).toBeVisible();

    await second.getByLabel("Interne notities").fill("Tweede wijziging");
    await second.getByRole("button", { name: "Opslaan" }).click();
    const alert = second.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Iemand anders heeft dit intussen gewijzigd");
    await expect(alert).toContainText("Naam: intussen door iemand anders gewijzigd");
    const saved = await db.query(`SELECT name, notes FROM "Application" WHERE id = $1`, [id]);
    expect(saved.rows[0]).toEqual({ name: "Eerst Opgeslagen", notes: null });
    await other.close();
  });

  test("approving a volunteer's request moves the waiting residents to the new group", async ({ page, db }) => {
    // Its own street and subarea, retired afterwards: the seeded southern area stays without a
    // group for the tests that rely on it.
    const street = `Proeflaan ${Date.now()}`;
    const waiting = (
      await db.query<{ id: number }>(
        `INSERT INTO "Application" (name, mobile, street, "houseNumber", postcode, "rulesVersion", "rulesAcceptedAt", status, "updatedAt")
         SELECT 'Wachtende ' || n, '+3168500000' || n, $1, n, '6953AB', '2026-11', now(), 'WAITING', now() FROM generate_series(1, 2) n RETURNING id`,
        [street],
      )
    ).rows.map((r) => r.id);
    const request = (await db.query<{ id: number }>(`SELECT id FROM "ExpansionRequest" WHERE status = 'NEW' LIMIT 1`)).rows[0]!;
    const name = `Proefgebied ${Date.now()}`;
    try {
      await page.goto("/staff/expansion");
      await page.locator(`a[href="/staff/expansion/${request.id}"]`).click();
      await page.getByRole("radio", { name: "Een nieuw deelgebied" }).check();
      await page.getByLabel("Naam van het nieuwe deelgebied").fill(name);
      await page.getByLabel("Uitnodigingslink van de WhatsApp-groep").fill("https://chat.whatsapp.com/Proefgebied1");
      await page.getByLabel("Straten toevoegen als adresregels").fill(street);
      await page.getByRole("button", { name: "Goedkeuren" }).click();
      await expect(page.getByRole("status")).toContainText(`${waiting.length} wachtende bewoner`);
      const moved = await db.query(
        `SELECT count(*)::int AS n FROM "Application" a JOIN "Subarea" s ON s.id = a."subareaId" WHERE a.id = ANY($1) AND a.status = 'ASSIGNED' AND s.name = $2 AND s.status = 'ACTIVE'`,
        [waiting, name],
      );
      expect(moved.rows[0].n).toBe(waiting.length);
    } finally {
      await db.query(`UPDATE "Subarea" SET status = 'RETIRED' WHERE name = $1`, [name]);
    }
  });

  test("the export contains exactly the filtered rows", async ({ page, db }) => {
    const subarea = (await db.query<{ id: number }>(`SELECT id FROM "Subarea" WHERE name LIKE 'Deelgebied 3%'`)).rows[0]!.id;
    const expected = (await db.query<{ id: number }>(`SELECT id FROM "Application" WHERE status = 'ADDED' AND "subareaId" = $1 ORDER BY id`, [subarea])).rows.map((r) => r.id);
    await page.goto(`/staff/applications?status=ADDED&subarea=${subarea}`);
    // The Excel workbook and the CSV carry the same selection; the CSV is read here.
    const excel = new URL((await page.getByRole("link", { name: "Exporteer deze selectie voor Excel" }).getAttribute("href"))!, page.url());
    expect([excel.searchParams.get("status"), excel.searchParams.get("subarea")]).toEqual(["ADDED", String(subarea)]);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "of als CSV voor andere programma's" }).click();
    const file = await (await download).path();
    const csv = (await import("node:fs")).readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const ids = csv.trim().split(/\r?\n/).slice(1).map((line) => Number(line.split(",")[0])).sort((a, b) => a - b);
    expect(ids).toEqual(expected);
    const audit = await db.query(`SELECT "subjectIds" FROM "AuditEvent" WHERE action = 'applications.exported' ORDER BY id DESC LIMIT 1`);
    expect([...audit.rows[0].subjectIds].sort((a: number, b: number) => a - b)).toEqual(expected);
  });

  test("bad input in a console form gets a field message and changes nothing", async ({ page, db }) => {
    await page.goto("/staff/subareas");
    await page.getByLabel("Uitnodigingslink van de WhatsApp-groep").fill("http://example.org/not-whatsapp");
    await page.getByLabel("Naam", { exact: true }).fill("Ongeldig");
    const before = (await db.query(`SELECT count(*)::int AS n FROM "Subarea"`)).rows[0].n;
    await page.getByRole("button", { name: "Aanmaken" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("moet een link als https://chat.whatsapp.com/… zijn");
    expect((await db.query(`SELECT count(*)::int AS n FROM "Subarea"`)).rows[0].n).toBe(before);

    // Bulk assign with nothing ticked and no subarea chosen: said in words, nothing changes.
    const newCount = (await db.query(`SELECT count(*)::int AS n FROM "Application" WHERE status = 'NEW'`)).rows[0].n;
    await page.goto("/staff/applications?status=NEW");
    await page.getByRole("button", { name: "Toewijzen" }).click();
    const bulkAlert = page.getByRole("form", { name: "Met de geselecteerde aanmeldingen" }).getByRole("alert");
    await expect(bulkAlert).toContainText("Selectie: vink eerst een of meer aanmeldingen aan");
    await expect(bulkAlert).toContainText("Deelgebied: vul dit in");
    expect((await db.query(`SELECT count(*)::int AS n FROM "Application" WHERE status = 'NEW'`)).rows[0].n).toBe(newCount);
  });

  test("every console page has no accessibility violations, in Dutch and English", async ({ page, db, context, baseURL }) => {
    test.setTimeout(240_000);
    const appId = (await db.query<{ id: number }>(`SELECT id FROM "Application" ORDER BY id LIMIT 1`)).rows[0]!.id;
    const subareaId = (await db.query<{ id: number }>(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`)).rows[0]!.id;
    const requestId = (await db.query<{ id: number }>(`SELECT id FROM "ExpansionRequest" ORDER BY id LIMIT 1`)).rows[0]!.id;
    const pages = ["/staff", "/staff/applications", `/staff/applications/${appId}`, "/staff/audit", "/staff/subareas", `/staff/subareas/${subareaId}`, "/staff/staff", "/staff/expansion", `/staff/expansion/${requestId}`, "/staff/coverage", "/staff/messages"];
    for (const locale of ["nl", "en"]) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      for (const path of pages) {
        await page.goto(path);
        const result = await new AxeBuilder({ page }).analyze();
        expect(result.violations.map((v) => `${locale} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
      }
    }
  });
});
