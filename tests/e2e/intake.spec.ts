// The coordinator's intake of applications that did not come through the web form: a mail from
// the mailbox (.eml upload) and a spreadsheet (CSV), with and without JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { readSheet } from "read-excel-file/node";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const MAIL = "tests/fixtures/mail/plain-text.eml";
const CSV = "tests/fixtures/import/leden-met-fout.csv";
const IMPORTED = ["Iris Import", "Joost Import", "Karin Import", "Lotte Import"];

// Long flows with several accessibility scans, on a machine shared with other builds.
test.describe.configure({ timeout: 120_000 });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("mailbox intake", () => {
  test("a coordinator uploads an .eml, sees the extracted draft, corrects a field and saves it as a MAILBOX application", async ({ page, db, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff");
    await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Uit de mailbox" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aanmeldingen uit de mailbox" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("E-mailbestanden (.eml)").setInputFiles(MAIL);
    await page.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(page).toHaveURL(/\/staff\/intake\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelding controleren" })).toBeVisible();
    await expect(page.getByText("Ik wil mij graag aanmelden voor de WhatsApp-groep")).toBeVisible();
    const form = page.getByRole("form", { name: "Gegevens" });
    await expect(form.getByLabel("Naam")).toHaveValue("Jan de Vries");
    await expect(form.getByLabel("Mobiel nummer")).toHaveValue("06 12345678");
    await expect(form.getByLabel("Straat")).toHaveValue("Kerkstraat");
    await expect(form.getByLabel("Huisnummer")).toHaveValue("12");
    await expect(form.getByLabel("Toevoeging")).toHaveValue("a");
    await expect(form.getByLabel("Postcode")).toHaveValue("6951 AB");
    await expect(form.getByLabel("E-mailadres")).toHaveValue("jan.devries@example.net");
    await expectNoAxeViolations(page);

    // A wrong correction first: the field says why, nothing is stored.
    await form.getByLabel("Postcode").fill("6951");
    await form.getByRole("button", { name: "Opslaan als aanmelding" }).click();
    await expect(form.getByText("Vul een postcode in zoals 6951 AB.")).toBeVisible();
    await expect(form.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    expect((await db.query(`SELECT 1 FROM "Application" WHERE mobile = '+31612345678'`)).rowCount).toBe(0);

    // The real correction: the resident's name as the coordinator knows it, and the postcode back.
    await form.getByLabel("Naam").fill("Jan de Vries-Jansen");
    await form.getByLabel("Postcode").fill("6951 AB");
    await form.getByRole("button", { name: "Opslaan als aanmelding" }).click();
    await expect(page).toHaveURL(/\/staff\/intake\?saved=\d+&status=NEW$/);
    const id = Number(new URL(page.url()).searchParams.get("saved"));
    await expect(page.getByRole("status")).toContainText(`Opgeslagen als aanmelding ${id}.`);

    const { rows } = await db.query(`SELECT name, mobile, street, "houseNumber", "houseLetter", "houseNumberSuffix", postcode, email, status, source FROM "Application" WHERE id = $1`, [id]);
    expect(rows).toEqual([
      {
        name: "Jan de Vries-Jansen",
        mobile: "+31612345678",
        street: "Kerkstraat",
        houseNumber: 12,
        houseLetter: "A",
        houseNumberSuffix: null,
        postcode: "6951AB",
        email: "jan.devries@example.net",
        status: "NEW",
        source: "MAILBOX",
      },
    ]);
    // The same mail again: the number is flagged, not stored twice.
    await page.getByLabel("E-mailbestanden (.eml)").setInputFiles(MAIL);
    await page.getByRole("button", { name: "Mail inlezen" }).click();
    await page.getByRole("button", { name: "Opslaan als aanmelding" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Dit nummer hoort al bij een actieve aanmelding (Nieuw).");
    await expect(page.getByRole("link", { name: `Open aanmelding ${id}` })).toBeVisible();
    expect((await db.query(`SELECT 1 FROM "Application" WHERE mobile = '+31612345678'`)).rowCount).toBe(1);
    await page.getByRole("button", { name: "Concept weggooien" }).click();
    await expect(page).toHaveURL(/\/staff\/intake$/);
  });

  test("a file that is too large gets a clear message, with and without JavaScript", async ({ page, browser, signInAs }) => {
    const big = { name: "groot.eml", mimeType: "message/rfc822", buffer: Buffer.alloc(6 * 1024 * 1024, "a") };
    await signInAs("coordinator@example.org");
    await page.goto("/staff/intake");
    await page.getByLabel("E-mailbestanden (.eml)").setInputFiles(big);
    await page.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Dit is te groot: samen hoogstens 5 MB/);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    await signInAs("coordinator@example.org", noJs);
    const plain = await noJs.newPage();
    await plain.goto("/staff/intake");
    await plain.getByLabel("E-mailbestanden (.eml)").setInputFiles(big);
    await plain.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(plain.getByRole("main").getByRole("alert")).toHaveText(/Dit is te groot: samen hoogstens 5 MB/);

    // Over the server's own body limit (8 MB): the same message, not a 500.
    const huge = { name: "groot.eml", mimeType: "message/rfc822", buffer: Buffer.alloc(9 * 1024 * 1024, "a") };
    await plain.goto("/staff/intake");
    await plain.getByLabel("E-mailbestanden (.eml)").setInputFiles(huge);
    await plain.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(plain.getByRole("main").getByRole("alert")).toHaveText(/Dit is te groot: samen hoogstens 5 MB/);
    await plain.goto("/staff/import");
    await plain.getByLabel("CSV-bestand").setInputFiles({ name: "groot.csv", mimeType: "text/csv", buffer: Buffer.alloc(9 * 1024 * 1024, "a") });
    await plain.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(plain.getByRole("main").getByRole("alert")).toHaveText(/hoogstens 5 MB/);
    await noJs.close();
  });

  test("a mail with only an HTML part, and a reply above Outlook's quote, give the resident's own details", async ({ page, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff/intake");
    await page.getByLabel("E-mailbestanden (.eml)").setInputFiles("tests/fixtures/mail/html-only-alternative.eml");
    await page.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(page).toHaveURL(/\/staff\/intake\/\d+$/);
    const form = page.getByRole("form", { name: "Gegevens" });
    await expect(form.getByLabel("Naam")).toHaveValue("Sanne Bakker");
    await expect(form.getByLabel("Mobiel nummer")).toHaveValue("06 23456789");
    await expect(form.getByLabel("Straat")).toHaveValue("Lindelaan");
    await expect(form.getByLabel("E-mailadres")).toHaveValue("sanne.bakker@example.net");

    await page.goto("/staff/intake");
    await page.getByLabel("E-mailbestanden (.eml)").setInputFiles("tests/fixtures/mail/reply-outlook-header-block.eml");
    await page.getByRole("button", { name: "Mail inlezen" }).click();
    await expect(page).toHaveURL(/\/staff\/intake\/\d+$/);
    await expect(form.getByLabel("Naam")).toHaveValue("Lotte Visser");
    await expect(form.getByLabel("Mobiel nummer")).toHaveValue("06 22334455");
    await expect(form.getByLabel("Straat")).toHaveValue("Lindelaan");
  });
});

test.describe("spreadsheet import", () => {
  test.beforeEach(async ({ db }) => {
    await db.query(`DELETE FROM "Application" WHERE name = ANY($1)`, [IMPORTED]);
  });

  test("a CSV with one bad row: the preview shows its error and a button that says it skips that row, then stores exactly the good rows", async ({ page, db, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff/import");
    await expect(page.getByRole("heading", { level: 1, name: "Spreadsheet importeren" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("CSV-bestand").setInputFiles(CSV);
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Voorbeeld van de import" })).toBeVisible();

    // The guessed columns, the summary, and row 4's error in the user's language.
    await expect(page.getByLabel("Mobiel nummer")).toHaveValue("1");
    await expect(page.getByText("3 regels zijn klaar om te importeren")).toBeVisible();
    await expect(page.getByText("1 regel heeft fouten")).toBeVisible();
    const errors = page.getByRole("table", { name: "Fouten per regel" });
    await expect(errors.getByRole("row")).toHaveCount(2);
    await expect(errors.getByRole("row").nth(1)).toHaveText(/4\s*Mobiel nummer\s*Dit is een vast nummer\. WhatsApp werkt alleen met een mobiel nummer\./);
    await expect(page.getByRole("table", { name: "Zo worden de eerste regels gelezen" }).getByRole("row", { name: /Lotte Import/ })).toContainText("Wacht op een groep: Zuid (nog geen groep)");
    await expectNoAxeViolations(page);

    // The button says what it does: the good rows go in, the bad one is skipped (and said so).
    await expect(page.getByText("De regel met fouten of een dubbel nummer wordt overgeslagen.")).toBeVisible();
    expect((await db.query(`SELECT 1 FROM "Application" WHERE name = ANY($1)`, [IMPORTED])).rowCount).toBe(0);
    await page.getByRole("button", { name: "Importeer 3 aanmeldingen, sla 1 regel over" }).click();
    await expect(page).toHaveURL(/\/staff\/import\?imported=3&skipped=1$/);
    await expect(page.getByRole("status")).toContainText("3 aanmeldingen geïmporteerd.");
    await expect(page.getByRole("status")).toContainText("1 regel is overgeslagen.");
    const { rows } = await db.query(`SELECT name, mobile, status, source FROM "Application" WHERE name = ANY($1) ORDER BY name`, [IMPORTED]);
    expect(rows).toEqual([
      { name: "Iris Import", mobile: "+31683000001", status: "NEW", source: "IMPORT" },
      { name: "Joost Import", mobile: "+31683000002", status: "NEW", source: "IMPORT" },
      { name: "Lotte Import", mobile: "+31683000004", status: "WAITING", source: "IMPORT" },
    ]);
    const audit = await db.query(`SELECT meta, cardinality("subjectIds") AS n FROM "AuditEvent" WHERE action = 'applications.imported' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toMatchObject({ n: 3, meta: { count: 3, skippedInvalid: 1, skippedDuplicates: 0 } });
  });

  test("the preview reads addresses as residents write them and marks an unknown street 'adres niet herkend'", async ({ page, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/adressen-als-getypt.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByText("3 regels zijn klaar om te importeren")).toBeVisible();
    const sample = page.getByRole("table", { name: "Zo worden de eerste regels gelezen" });
    await expect(sample.getByRole("row", { name: /Onno Onbekend/ })).toContainText("Adres niet herkend");
    await expect(sample.getByRole("row", { name: /Adam Afkorting/ })).toContainText("Admiraal Helfrichlaan 11, 6952 AC");
    await expect(sample.getByRole("row", { name: /Henk Huisnummer/ })).toContainText("Kerkstraat 12-2, 6951 AB");
  });

  test("works without JavaScript: form post → preview → confirm", async ({ browser, db, signInAs }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await signInAs("coordinator@example.org", context);
    const page = await context.newPage();
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles(CSV);
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByRole("table", { name: "Fouten per regel" })).toContainText("Dit is een vast nummer.");
    // Changing a column (a plain GET form) re-checks: without a mobile column nothing can be checked.
    await page.getByLabel("Mobiel nummer").selectOption({ label: "(niet in het bestand)" });
    await page.getByRole("button", { name: "Kolommen toepassen" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Kies eerst een kolom voor: Mobiel nummer.");
    await page.getByLabel("Mobiel nummer").selectOption({ label: "Kolom 2: Mobiel" });
    await page.getByRole("button", { name: "Kolommen toepassen" }).click();
    expect((await db.query(`SELECT 1 FROM "Application" WHERE name = ANY($1)`, [IMPORTED])).rowCount).toBe(0);
    await page.getByRole("button", { name: "Importeer 3 aanmeldingen, sla 1 regel over" }).click();
    await expect(page).toHaveURL(/\/staff\/import\?imported=3&skipped=1$/);
    expect((await db.query(`SELECT 1 FROM "Application" WHERE name = ANY($1) AND source = 'IMPORT'`, [IMPORTED])).rowCount).toBe(3);
    await context.close();
  });
});

test.describe("spreadsheets as Excel and Google Forms write them", () => {
  test("a Windows-1252 file with a sep= line, and a Google Forms file with one address column, preview right", async ({ page, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/windows1252-c1-range.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByText("2 regels zijn klaar om te importeren")).toBeVisible();
    const sample = page.getByRole("table", { name: "Zo worden de eerste regels gelezen" });
    await expect(sample).toContainText("Anneke D’Hondt");
    await expect(sample).toContainText("Šimon Žák");

    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/sep-line-semicolon.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByText("2 regels zijn klaar om te importeren")).toBeVisible();

    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/google-forms-full-address.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByLabel(/^Volledig adres/)).toHaveValue("4");
    await expect(page.getByText("2 regels zijn klaar om te importeren")).toBeVisible();
    await expect(page.getByRole("table", { name: "Zo worden de eerste regels gelezen" })).toContainText("Beukenlaan 12A, 6951 AC");
    await expectNoAxeViolations(page);
  });

  test("an undecidable encoding is a question; the coordinator's answer is followed", async ({ page, signInAs }) => {
    await signInAs("coordinator@example.org");
    await page.goto("/staff/import");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/single-byte-ambiguous.csv");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Staat er „Šimon Bos");
    await page.getByLabel("CSV-bestand").setInputFiles("tests/fixtures/import/single-byte-ambiguous.csv");
    await page.getByLabel("Tekenset").selectOption("windows-1252");
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page).toHaveURL(/\/staff\/import\/\d+$/);
    await expect(page.getByRole("table", { name: "Zo worden de eerste regels gelezen" })).toContainText("Šimon Bos");
  });
});

test("the export is an .xlsx in Dutch by default, and CSV on request", async ({ page, signInAs }) => {
  await signInAs("coordinator@example.org");
  const xlsx = await page.request.get("/api/staff/applications/export");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const sheet = await readSheet(Buffer.from(await xlsx.body()));
  expect(sheet[0]!.slice(0, 3)).toEqual(["Nummer", "Naam", "Mobiel nummer"]);
  expect(sheet.length).toBeGreaterThan(1);
  expect(typeof sheet[1]![2]).toBe("string");
  const csv = await page.request.get("/api/staff/applications/export?format=csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFid,name,mobile,street,house_number,postcode,email,status,subarea,source,created_at");
});

test("intake pages open for a coordinator and answer 404 to a contact person, for a draft and a file that exist", async ({ browser, db, signInAs, baseURL }) => {
  const coordinatorId = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'coordinator@example.org'`)).rows[0]!.id;
  const draft = (await db.query<{ id: number }>(`INSERT INTO "MailDraft" ("createdById", "mailText", name) VALUES ($1, 'Graag aanmelden', 'Intake Tester') RETURNING id`, [coordinatorId])).rows[0]!.id;
  const batch = (
    await db.query<{ id: number }>(
      `INSERT INTO "ImportBatch" ("createdById", "fileName", content, "rowCount") VALUES ($1, 'intake.csv', E'naam;mobiel\\nIntake Tester;0611110002', 1) RETURNING id`,
      [coordinatorId],
    )
  ).rows[0]!.id;
  const paths = ["/staff/intake", `/staff/intake/${draft}`, "/staff/import", `/staff/import/${batch}`, `/api/staff/import/${batch}/progress`];
  try {
    for (const [email, expected] of [["coordinator@example.org", 200], ["contact-1@example.org", 404]] as const) {
      const context = await browser.newContext({ baseURL });
      await signInAs(email, context);
      for (const path of paths) expect((await context.request.get(path)).status(), `${email} ${path}`).toBe(expected);
      const page = await context.newPage();
      await page.goto("/staff");
      await expect(page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Uit de mailbox" })).toHaveCount(expected === 200 ? 1 : 0);
      await context.close();
    }
    // The draft and the file were there all along: the 404s were refusals, not missing rows.
    expect((await db.query(`SELECT 1 FROM "MailDraft" WHERE id = $1`, [draft])).rowCount).toBe(1);
    expect((await db.query(`SELECT 1 FROM "ImportBatch" WHERE id = $1`, [batch])).rowCount).toBe(1);
  } finally {
    await db.query(`DELETE FROM "MailDraft" WHERE id = $1`, [draft]);
    await db.query(`DELETE FROM "ImportBatch" WHERE id = $1`, [batch]);
  }
});
