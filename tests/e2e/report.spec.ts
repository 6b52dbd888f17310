// Issue 16, part 3: the coordinator's report for the municipality and the police. Known
// history in 2021 (far from the demo seed's own dates) gives known figures; both downloads are
// read back (the PDF's text with pdfjs-dist, the .xlsx with read-excel-file) and hold the
// figures, "< 5" for small counts, and no seeded name or mobile number; contact persons get 404.
import fs from "node:fs";
import { readSheet } from "read-excel-file/node";
import { pdfText } from "../helpers/pdf-text";
import { expect, test } from "./support/fixtures";
import { fitsWidth, noViolations } from "./support/page-checks";

const PREFIX = "E2E Rapport";
const people = Array.from({ length: 8 }, (_, i) => ({ name: `${PREFIX}bewoner ${i + 1}`, mobile: `+3161239870${i}` }));

test.describe("report for the municipality and the police", () => {
  test.beforeAll(async () => {
    const { default: pg } = await import("pg");
    const { e2eDatabaseUrl } = await import("./support/e2e-env");
    const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await db.connect();
    await db.query(`DELETE FROM "Application" WHERE name LIKE $1`, [`${PREFIX}%`]);
    await db.query(`DELETE FROM "Subarea" WHERE name LIKE $1`, [`${PREFIX}%`]);
    const sub = async (name: string) => (await db.query<{ id: number }>(`INSERT INTO "Subarea" (name, "updatedAt") VALUES ($1, now()) RETURNING id`, [name])).rows[0]!.id;
    const groot = await sub(`${PREFIX} Groot`);
    const klein = await sub(`${PREFIX} Klein`);
    for (const [i, p] of people.entries()) {
      const [subareaId, street, at] = i < 6 ? [groot, "Rapporthof", "2021-01-15T10:00:00Z"] : [klein, "Rapportsteeg", "2021-03-15T10:00:00Z"];
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO "Application" (name, mobile, street, "houseNumber", postcode, "rulesVersion", "rulesAcceptedAt", status, "subareaId", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, '9999 ZZ', 'e2e', $5, 'ADDED', $6, $5, now()) RETURNING id`,
        [p.name, p.mobile, street, i + 1, at, subareaId],
      );
      await db.query(`INSERT INTO "ApplicationEvent" ("applicationId", at, "actorKind", type, "fromStatus", "toStatus", "subareaId") VALUES ($1, $2, 'STAFF', 'STATUS_CHANGED', 'NEW', 'ADDED', $3)`, [rows[0]!.id, at, subareaId]);
    }
    await db.end();
  });

  test("the coordinator sees the figures and downloads the PDF and the spreadsheet, without personal data", async ({ page, db, signInAs }) => {
    await signInAs("coordinator@example.org");
    const seeded = (await db.query<{ name: string; mobile: string }>(`SELECT name, mobile FROM "Application" WHERE name NOT LIKE $1 AND "anonymisedAt" IS NULL ORDER BY id LIMIT 200`, [`${PREFIX}%`])).rows;
    expect(seeded.length).toBeGreaterThan(10);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/staff/report");
    await page.getByRole("navigation", { name: /./ }).getByRole("link", { name: "Rapportage" }).first().waitFor();
    await page.getByLabel("Zelf kiezen (van–tot)").check();
    await page.getByLabel("Van maand").fill("2021-01");
    await page.getByLabel("Tot en met maand").fill("2021-06");
    await page.getByLabel("Taal van PDF en spreadsheet").selectOption("nl");
    await page.getByRole("button", { name: "Cijfers tonen" }).click();
    await expect(page).toHaveURL(/from=2021-01&to=2021-06/);

    const members = page.getByRole("table", { name: "Leden per deelgebied" });
    await expect(members.getByRole("row", { name: /E2E Rapport Groot/ })).toContainText("6");
    await expect(members.getByRole("row", { name: /E2E Rapport Klein/ }).getByRole("cell").last()).toHaveText("< 5");
    await expect(members.getByRole("row", { name: /Totaal/ }).getByRole("cell").last()).toHaveText("minstens 7");
    await noViolations(page, "report 1280");
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/report-page-1280.png`, fullPage: true });

    const pdfDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "PDF downloaden" }).click();
    const pdfFile = await (await pdfDownload).path();
    const bytes = new Uint8Array(fs.readFileSync(pdfFile));
    if (process.env.SHOTS_DIR) fs.writeFileSync(`${process.env.SHOTS_DIR}/report.pdf`, bytes);
    const pdf = await pdfText(bytes);
    expect(pdf.text).toContain("Rapportage voor gemeente en politie");
    expect(pdf.text).toContain("E2E Rapport Groot");
    expect(pdf.text).toContain("Rapporthof");
    expect(pdf.text).toContain("< 5");
    expect(pdf.text).toContain("minstens 7");
    for (const p of [...people, ...seeded]) {
      expect(pdf.text).not.toContain(p.name);
      expect(pdf.text).not.toContain(p.mobile);
      expect(pdf.text).not.toContain(p.mobile.slice(3));
    }

    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Spreadsheet (.xlsx) downloaden" }).click();
    const xlsx = fs.readFileSync(await (await xlsxDownload).path());
    const sheet = await readSheet(xlsx, "Leden");
    expect(sheet[0]).toEqual(["Deelgebied", "jan 2021", "feb 2021", "mrt 2021", "apr 2021", "mei 2021", "jun 2021"]);
    expect(sheet.find((r) => r[0] === "E2E Rapport Groot")).toEqual(["E2E Rapport Groot", 6, 6, 6, 6, 6, 6]);
    expect(sheet.find((r) => r[0] === "E2E Rapport Klein")).toEqual(["E2E Rapport Klein", 0, 0, "< 5", "< 5", "< 5", "< 5"]);
    const all = JSON.stringify(await Promise.all(["Toelichting", "Leden", "Nieuw en vertrokken", "Straten", "Wachtenden", "Uitbreiding"].map((s) => readSheet(xlsx, s))));
    for (const p of [...people, ...seeded]) {
      expect(all).not.toContain(p.name);
      expect(all).not.toContain(p.mobile.slice(3));
    }
    const audit = await db.query(`SELECT meta FROM "AuditEvent" WHERE action = 'report.downloaded' ORDER BY id DESC LIMIT 2`);
    expect(audit.rows.map((r) => r.meta.format).sort()).toEqual(["pdf", "xlsx"]);

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await noViolations(page, "report 360");
    await fitsWidth(page, "report 360");
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/report-page-360.png`, fullPage: true });
  });

  test("a contact person gets 404 for the page and the files", async ({ page, signInAs }) => {
    await signInAs("contact-1@example.org");
    expect((await page.goto("/staff/report"))!.status()).toBe(404);
    expect((await page.request.get("/api/staff/report?format=pdf")).status()).toBe(404);
    expect((await page.request.get("/api/staff/report?format=xlsx")).status()).toBe(404);
  });
});
