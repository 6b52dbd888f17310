// Issue 14, points 9–12: actions a volunteer coordinator or contact person can take safely.
// 9: deleting an address rule asks first (what it covers, how many applications it placed),
//    also without JavaScript. 10: the contact person's "added" / "removed" say what happened in a
//    live region and can be undone, on a phone. 11: the rule editor keeps what was typed after an
//    error and warns about an overlap with another subarea before saving. 12: approving a
//    volunteer is one choice, asks the invite link, and mails the residents moved to the group.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, mailbox, test, waitForMail } from "./support/fixtures";

test.describe.configure({ timeout: 120_000 });
const SHOTS = "/work/wt/shots";

async function noAxeViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
}

/** Screenshots at 360 and 1280 px: the whole page, or (long lists) the first screen with the feedback. */
async function shoot(page: Page, name: string, fullPage = true) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    if (!fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/safe-${name}-${width}.png`, fullPage });
  }
}

/** A button's name: its label, then (for screen readers) whom it is about. */
const withName = (label: string, name: string) => new RegExp(`^${label}\\s?: ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

async function subareaId(db: import("pg").Client, n: number): Promise<number> {
  return (await db.query<{ id: number }>(`SELECT id FROM "Subarea" WHERE name LIKE $1`, [`Deelgebied ${n} %`])).rows[0]!.id;
}

test.describe("point 9: deleting an address rule asks first", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("coordinator@example.org");
  });

  async function ruleWithApplications(db: import("pg").Client, subarea: number, street: string): Promise<number> {
    const rule = (await db.query<{ id: number }>(`INSERT INTO "AddressRule" ("subareaId", street) VALUES ($1, $2) RETURNING id`, [subarea, street])).rows[0]!.id;
    await db.query(
      `INSERT INTO "Application" (name, mobile, street, "houseNumber", postcode, "rulesVersion", "rulesAcceptedAt", status, "subareaId", "suggestedSubareaId", "matchedRuleId", "updatedAt")
       SELECT 'Regelbewoner ' || n, '+3168700000' || n, $1, n, '6951AB', '2026-11', now(), 'NEW', $2, $2, $3, now() FROM generate_series(1, 3) n`,
      [street, subarea, rule],
    );
    return rule;
  }

  test("the confirmation says what the rule covers and how many applications it placed; 'no' keeps it, 'yes' deletes it", async ({ page, db }) => {
    const subarea = await subareaId(db, 1);
    const street = `Proefregelstraat ${Date.now()}`;
    const rule = await ruleWithApplications(db, subarea, street);
    await page.goto(`/staff/subareas/${subarea}`);
    await page.getByRole("link", { name: `Verwijder regel #${rule}` }).click();

    const confirm = page.getByRole("region", { name: `Regel #${rule} verwijderen?` });
    await expect(confirm).toContainText(`Deze regel dekt: ${street}`);
    await expect(confirm).toContainText("3 lopende aanmeldingen vallen nu onder deze regel.");
    const yes = confirm.getByRole("button", { name: `Ja, verwijder regel #${rule}` });
    await expect(yes).toBeFocused();
    await noAxeViolations(page, "confirm delete");
    await page.setViewportSize({ width: 360, height: 900 });
    await confirm.screenshot({ path: `${SHOTS}/safe-rule-delete-confirm-360.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await confirm.screenshot({ path: `${SHOTS}/safe-rule-delete-confirm-1280.png` });
    // Nothing is deleted by opening the confirmation.
    expect((await db.query(`SELECT count(*)::int AS n FROM "AddressRule" WHERE id = $1`, [rule])).rows[0].n).toBe(1);

    await confirm.getByRole("link", { name: "Nee, regel houden" }).click();
    await expect(page.getByRole("region", { name: /verwijderen\?$/ })).toHaveCount(0);
    expect((await db.query(`SELECT count(*)::int AS n FROM "AddressRule" WHERE id = $1`, [rule])).rows[0].n).toBe(1);

    // By keyboard: the link, then the focused "yes".
    await page.getByRole("link", { name: `Verwijder regel #${rule}` }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: `Ja, verwijder regel #${rule}` })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `Regel #${rule} verwijderd.` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Verwijder regel #${rule}` })).toHaveCount(0);
    expect((await db.query(`SELECT count(*)::int AS n FROM "AddressRule" WHERE id = $1`, [rule])).rows[0].n).toBe(0);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the confirmation is a page of its own and its button deletes", async ({ page, db }) => {
      const subarea = await subareaId(db, 2);
      const rule = await ruleWithApplications(db, subarea, `Zonderscriptlaan ${Date.now()}`);
      await page.goto(`/staff/subareas/${subarea}`);
      await page.getByRole("link", { name: `Verwijder regel #${rule}` }).click();
      await expect(page).toHaveURL(new RegExp(`deleteRule=${rule}`));
      await page.getByRole("button", { name: `Ja, verwijder regel #${rule}` }).click();
      await expect(page.getByRole("status").filter({ hasText: `Regel #${rule} verwijderd.` })).toBeVisible();
      expect((await db.query(`SELECT count(*)::int AS n FROM "AddressRule" WHERE id = $1`, [rule])).rows[0].n).toBe(0);
    });
  });
});

test.describe("point 11: the rule editor keeps the input and warns about overlaps", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("coordinator@example.org");
  });

  test("an error keeps every field; an overlap is shown before saving and needs 'Toch toevoegen'; an equal one is refused", async ({ page, db }) => {
    const sub1 = await subareaId(db, 1);
    const sub2 = await subareaId(db, 2);
    const kerkstraat = (await db.query<{ id: number }>(`SELECT id FROM "AddressRule" WHERE "subareaId" = $1 AND street = 'Kerkstraat'`, [sub1])).rows[0]!.id;
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM "AddressRule" WHERE "subareaId" = $1`, [sub2])).rows[0].n;
    const before = await count();
    await page.goto(`/staff/subareas/${sub2}`);
    const editor = page.getByRole("form", { name: "Regel toevoegen" });
    const submit = editor.getByRole("button", { name: "Toevoegen", exact: true });

    // 1. The end before the start: said in words, and nothing typed is lost.
    await editor.getByLabel("Straat").fill("Kerkstraat");
    await editor.getByLabel("Huisnummer vanaf").fill("9");
    await editor.getByLabel("Huisnummer tot en met").fill("1");
    await editor.getByLabel("Even/oneven").selectOption("ODD");
    await submit.click();
    await expect(editor.getByRole("alert")).toContainText("het einde ligt vóór het begin");
    await expect(editor.getByLabel("Straat")).toHaveValue("Kerkstraat");
    await expect(editor.getByLabel("Huisnummer vanaf")).toHaveValue("9");
    await expect(editor.getByLabel("Huisnummer tot en met")).toHaveValue("1");
    await expect(editor.getByLabel("Even/oneven")).toHaveValue("ODD");

    // 2. Fixed, it overlaps subarea 1's Kerkstraat: the warning names that rule, nothing saved yet.
    await editor.getByLabel("Huisnummer vanaf").fill("1");
    await editor.getByLabel("Huisnummer tot en met").fill("9");
    await submit.click();
    const alert = editor.getByRole("alert");
    await expect(alert).toContainText("deze regel overlapt met een regel van een ander deelgebied");
    await expect(alert).toContainText(`regel #${kerkstraat} van Deelgebied 1`);
    await expect(alert).toContainText("daar wint de nieuwe regel");
    await expect(editor.getByLabel("Huisnummer tot en met")).toHaveValue("9");
    expect(await count()).toBe(before);
    await noAxeViolations(page, "rule editor overlap");
    await editor.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 360, height: 900 });
    await editor.screenshot({ path: `${SHOTS}/safe-rule-editor-overlap-360.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await editor.screenshot({ path: `${SHOTS}/safe-rule-editor-overlap-1280.png` });

    await editor.getByRole("button", { name: "Toch toevoegen" }).click();
    await expect(editor.getByRole("status")).toHaveText("Regel toegevoegd.");
    expect(await count()).toBe(before + 1);
    await db.query(`DELETE FROM "AddressRule" WHERE "subareaId" = $1 AND street = 'Kerkstraat'`, [sub2]);

    // 3. Exactly as specific as subarea 1's Beukenlaan: refused, with why and what to do.
    await editor.getByLabel("Straat").fill("Beukenlaan");
    await submit.click();
    await expect(editor.getByRole("alert")).toContainText("Niet toegevoegd: deze regel is even specifiek als regel #");
    await expect(editor.getByRole("alert")).toContainText("Maak een van beide regels specifieker");
    await expect(editor.getByRole("button", { name: "Toch toevoegen" })).toHaveCount(0);
    await expect(editor.getByLabel("Straat")).toHaveValue("Beukenlaan");
    expect(await count()).toBe(before);
    await page.setViewportSize({ width: 360, height: 900 });
    await editor.screenshot({ path: `${SHOTS}/safe-rule-editor-refused-360.png` });
  });
});

test.describe("point 10: the contact person's actions say what happened and can be undone (phone)", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("added → confirmation in the live region → undo puts the card back; a removal likewise", async ({ page, db, signInAs }) => {
    await signInAs("contact-1@example.org");
    const sub1 = await subareaId(db, 1);
    const person = (
      await db.query<{ id: number; name: string }>(`SELECT id, name FROM "Application" WHERE "subareaId" = $1 AND status = 'ASSIGNED' ORDER BY "statusChangedAt", id LIMIT 1`, [sub1])
    ).rows[0]!;
    await page.goto("/staff/group");
    const toAdd = page.getByRole("region", { name: /^Toevoegen/ });
    const cardIn = (list: ReturnType<Page["getByRole"]>) => list.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: person.name, exact: true }) });
    const live = page.getByRole("status").filter({ hasText: person.name });

    await cardIn(toAdd).getByRole("button", { name: /Toegevoegd aan de groep/ }).click();
    await expect(live).toHaveText(`${person.name} staat nu op ‘toegevoegd’.`);
    await expect(live).toHaveAttribute("aria-live", "polite");
    await expect(cardIn(toAdd)).toHaveCount(0);
    // The pressed button left with its card: focus goes to the confirmation, the undo is the next Tab.
    await expect(page.locator("#feedback")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: withName("Ongedaan maken", person.name) })).toBeFocused();
    expect((await db.query(`SELECT status, "inGroup" FROM "Application" WHERE id = $1`, [person.id])).rows[0]).toEqual({ status: "ADDED", inGroup: true });
    await noAxeViolations(page, "group after added");
    await shoot(page, "group-after-added", false);
    await page.setViewportSize({ width: 360, height: 800 });

    await page.getByRole("button", { name: withName("Ongedaan maken", person.name) }).click();
    await expect(page.getByRole("status").filter({ hasText: "Teruggezet" })).toHaveText(`Teruggezet: ${person.name} staat weer bij ‘Toevoegen’.`);
    await expect(cardIn(toAdd)).toBeVisible();
    expect((await db.query(`SELECT status, "inGroup" FROM "Application" WHERE id = $1`, [person.id])).rows[0]).toEqual({ status: "ASSIGNED", inGroup: false });
    const audit = (await db.query(`SELECT meta FROM "AuditEvent" WHERE action = 'application.change_undone' AND "targetId" = $1`, [String(person.id)])).rows;
    expect(audit).toEqual([{ meta: { from: "ADDED", to: "ASSIGNED" } }]);
    // Taking back twice is not offered.
    await expect(page.getByRole("button", { name: /^Ongedaan maken/ })).toHaveCount(0);

    // A removal task done, then taken back: the task is there again.
    await db.query(`UPDATE "Application" SET status = 'WITHDRAWN', "inGroup" = true, version = version + 1 WHERE id = $1`, [person.id]);
    await page.goto("/staff/group");
    const toRemove = page.getByRole("region", { name: /^Verwijderen uit de groep/ });
    await cardIn(toRemove).getByRole("button", { name: /Verwijderd uit de groep/ }).click();
    await expect(live).toHaveText(`${person.name} is uit de groep verwijderd: de taak is afgehandeld.`);
    await expect(cardIn(toRemove)).toHaveCount(0);
    await shoot(page, "group-after-removal", false);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole("button", { name: withName("Ongedaan maken", person.name) }).click();
    await expect(cardIn(toRemove)).toBeVisible();
    expect((await db.query(`SELECT status, "inGroup" FROM "Application" WHERE id = $1`, [person.id])).rows[0]).toEqual({ status: "WITHDRAWN", inGroup: true });
  });

  test("another contact person cannot use the confirmation or the undo of someone else's change", async ({ page, db, signInAs }) => {
    const sub1 = await subareaId(db, 1);
    const person = (
      await db.query<{ id: number; name: string; version: number }>(
        // The one waiting longest: on the workspace's list of ten.
        `SELECT id, name, version FROM "Application" WHERE "subareaId" = $1 AND status = 'ASSIGNED' ORDER BY "statusChangedAt", id LIMIT 1`,
        [sub1],
      )
    ).rows[0]!;
    await signInAs("contact-1@example.org");
    await page.goto("/staff/group");
    await page.getByRole("button", { name: withName("Toegevoegd aan de groep", person.name) }).click();
    await expect(page.getByRole("button", { name: withName("Ongedaan maken", person.name) })).toBeVisible();

    await page.context().clearCookies();
    await signInAs("contact-2@example.org");
    await page.goto(`/staff/group?done=${person.id}`);
    await expect(page.getByText(person.name)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Ongedaan maken/ })).toHaveCount(0);
    expect((await db.query(`SELECT status FROM "Application" WHERE id = $1`, [person.id])).rows[0].status).toBe("ADDED");
  });
});

test.describe("point 12: approving a volunteer", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("coordinator@example.org");
  });

  test("one choice, the invite link, and a mail in their own language to each moved resident with an e-mail address", async ({ page, db }) => {
    const street = `Groeilaan ${Date.now()}`;
    const stamp = Date.now();
    const residents = [
      { name: "Wachtende Nederlands", email: `nl-${stamp}@example.org`, locale: "nl" },
      { name: "Waiting English", email: `en-${stamp}@example.org`, locale: "en" },
      { name: "Wachtende Zonder Mail", email: null, locale: "nl" },
    ];
    const ids: number[] = [];
    for (const [i, r] of residents.entries()) {
      ids.push(
        (
          await db.query<{ id: number }>(
            `INSERT INTO "Application" (name, mobile, email, locale, street, "houseNumber", postcode, "rulesVersion", "rulesAcceptedAt", status, "updatedAt")
             VALUES ($1, $2, $3, $4, $5, $6, '6953AB', '2026-11', now(), 'WAITING', now()) RETURNING id`,
            [r.name, `+3168600000${i}`, r.email, r.locale, street, i + 1],
          )
        ).rows[0]!.id,
      );
    }
    // Its own volunteer, so this test does not depend on the seeded request being still open.
    const request = (
      await db.query<{ id: number }>(
        `INSERT INTO "ExpansionRequest" (name, mobile, email, streets, "updatedAt") VALUES ('Proef Vrijwilliger', '+31687650000', $1, $2, now()) RETURNING id`,
        [`vrijwilliger-${stamp}@example.net`, street],
      )
    ).rows[0]!;
    const name = `Groeigebied ${stamp}`;
    const invite = "https://chat.whatsapp.com/GroeiGebied2026";
    const since = (await mailbox("postgres")).length;
    try {
      await page.goto(`/staff/expansion/${request.id}`);
      const choice = page.getByRole("group", { name: "Voor welk deelgebied start de groep?" });
      // Nothing pre-selected: the coordinator chooses.
      for (const radio of await choice.getByRole("radio").all()) await expect(radio).not.toBeChecked();
      await noAxeViolations(page, "expansion approval");
      await shoot(page, "expansion-approval");
      await page.setViewportSize({ width: 1280, height: 900 });

      // An existing subarea chosen and a new name typed: refused in words, nothing changed.
      await choice.getByRole("radio").first().check();
      await page.getByLabel("Naam van het nieuwe deelgebied").fill(name);
      await page.getByLabel("Uitnodigingslink van de WhatsApp-groep").fill("https://example.org/groep");
      await page.getByLabel("Straten toevoegen als adresregels").fill(street);
      await page.getByRole("button", { name: "Goedkeuren" }).click();
      const alert = page.getByRole("region", { name: "Goedkeuren en groep starten" }).getByRole("alert");
      await expect(alert).toContainText("je koos een bestaand deelgebied; laat de nieuwe naam leeg of kies ‘Een nieuw deelgebied’");
      await expect(alert).toContainText("moet een link als https://chat.whatsapp.com/… zijn");
      expect((await db.query(`SELECT status FROM "ExpansionRequest" WHERE id = $1`, [request.id])).rows[0].status).toBe("NEW");

      await choice.getByRole("radio", { name: "Een nieuw deelgebied" }).check();
      await page.getByLabel("Naam van het nieuwe deelgebied").fill(name);
      await page.getByLabel("Uitnodigingslink van de WhatsApp-groep").fill(invite);
      await page.getByLabel("Straten toevoegen als adresregels").fill(street);
      await page.getByRole("button", { name: "Goedkeuren" }).click();
      const status = page.getByRole("status").filter({ hasText: "Goedgekeurd" });
      await expect(status).toContainText("3 wachtende bewoners toegewezen aan het deelgebied.");
      await expect(status).toContainText("2 bewoners kregen een mail dat de groep er nu is.");
      expect((await db.query(`SELECT "inviteLink", status FROM "Subarea" WHERE name = $1`, [name])).rows[0]).toEqual({ inviteLink: invite, status: "ACTIVE" });

      const nl = await waitForMail("postgres", residents[0]!.email!, since, 30_000);
      expect(nl.subject).toBe("Er is nu een buurtpreventiegroep voor jouw adres");
      expect(nl.text).toContain(`Hallo ${residents[0]!.name}`);
      expect(nl.text).toContain(name);
      const en = await waitForMail("postgres", residents[1]!.email!, since, 30_000);
      expect(en.subject).toBe("There is now a neighbourhood watch group for your address");
      expect(en.text).toContain("will add you soon");
      // No personal data in the audit event.
      const audit = (await db.query(`SELECT meta, "subjectIds" FROM "AuditEvent" WHERE action = 'expansion.approved' AND "targetId" = $1`, [String(request.id)])).rows[0];
      expect(audit.meta).toMatchObject({ moved: 3, mailed: 2 });
      expect(JSON.stringify(audit)).not.toMatch(/Wachtende|Waiting|example\.org|Groeilaan/);
      expect([...audit.subjectIds].sort()).toEqual([...ids].sort());
    } finally {
      await db.query(`UPDATE "Subarea" SET status = 'RETIRED' WHERE name = $1`, [name]);
    }
  });
});
