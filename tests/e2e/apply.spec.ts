// Applying, offering to volunteer and asking a question, as a resident would in Chromium —
// once with JavaScript and once without (plain form posts).
import type { Page } from "@playwright/test";
import type { ServerKind } from "./support/e2e-env";
import { expect, mailbox, test, waitForMail } from "./support/fixtures";
import { applicationsOf, expectFieldError, fillApplyForm, freshMobile, residentContext, sendForm } from "./support/public-forms";

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    // A postcode of the neighbourhood's area (6951) that no street is known at yet: one per test
    // and per run, as an accepted suggestion makes its postcode known for that street.
    const unusedPostcode = (test: "X" | "Y") => `6951 ${javaScriptEnabled ? "T" : "U"}${test}`;
    let page: Page;
    test.beforeEach(async ({ browser, baseURL }) => {
      page = await (await residentContext(browser, baseURL!, javaScriptEnabled)).newPage();
    });
    test.afterEach(async () => {
      await page.context().close();
    });

    test("a resident of a covered street applies and is told what happens next", async ({ db }, info) => {
      const mobile = freshMobile();
      const email = `covered-${Date.now()}-${javaScriptEnabled}@example.org`;
      const since = (await mailbox(info.project.name as ServerKind)).length;
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed, email });
      await sendForm(page, "Aanmelden");
      await expect(page).toHaveURL(/\/apply\/thanks\?mail=1$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je aanmelding");
      const rows = await applicationsOf(db, mobile.e164);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "NEW", email });
      expect(rows[0]!.suggestedSubareaId).not.toBeNull();
      const mail = await waitForMail(info.project.name as ServerKind, email, since);
      expect(mail.text).toMatch(/\/manage\/[A-Za-z0-9_-]{43}/);
    });

    test("a resident of a street without a group is told honestly and invited to volunteer", async ({ db }) => {
      const mobile = freshMobile();
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed, street: "Zuiderlaan", houseNumber: "7", postcode: "6953 AB" });
      await sendForm(page, "Aanmelden");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Er is nog geen groep voor jouw straat");
      await expect(page.getByText("We hebben je aanmelding bewaard")).toBeVisible();
      await page.getByRole("link", { name: "Word contactpersoon" }).last().click();
      await expect(page).toHaveURL(/\/volunteer$/);
      expect((await applicationsOf(db, mobile.e164)).map((r) => r.status)).toEqual(["WAITING"]);
    });

    test("an address outside the area gets a clear message and nothing is stored", async ({ db }) => {
      const mobile = freshMobile();
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed, street: "Dorpsstraat", houseNumber: "3", postcode: "1234 AB" });
      await sendForm(page, "Aanmelden");
      await expectFieldError(page, "Straat", /buiten het gebied/);
      await expect(page.getByLabel("Straat")).toHaveValue("Dorpsstraat");
      expect(await applicationsOf(db, mobile.e164)).toEqual([]);
    });

    test("an uncertain street asks \"Bedoel je Kerkstraat?\" keeping everything typed; yes stores the Kerkstraat", async ({ db }) => {
      const mobile = freshMobile();
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed, name: "Bram Bedoel", street: "Kerkstaat", houseNumber: "12A-2", postcode: unusedPostcode("X"), email: "bram@example.org" });
      await sendForm(page, "Aanmelden");
      await expect(page.getByText("Bedoel je Kerkstraat?")).toBeVisible();
      await expect(page.getByLabel("Naam")).toHaveValue("Bram Bedoel");
      await expect(page.getByLabel("Mobiel nummer")).toHaveValue(mobile.typed);
      await expect(page.getByLabel("Straat")).toHaveValue("Kerkstaat");
      await expect(page.getByLabel("Huisnummer")).toHaveValue("12A-2");
      await expect(page.getByLabel("Postcode")).toHaveValue(unusedPostcode("X"));
      await expect(page.getByLabel("E-mailadres")).toHaveValue("bram@example.org");
      await expect(page.getByLabel(/Ik volg de regels/)).toBeChecked();
      expect(await applicationsOf(db, mobile.e164)).toEqual([]);

      await page.waitForTimeout(1100); // without JavaScript the question comes with a fresh form token (FORM_MIN_SECONDS)
      await page.getByRole("button", { name: "Ja, Kerkstraat" }).click();
      await expect(page).toHaveURL(/\/apply\/thanks/);
      const { rows } = await db.query(`SELECT street, "houseNumber", "houseLetter", "houseNumberSuffix", "addressUnrecognised", status FROM "Application" WHERE mobile = $1`, [mobile.e164]);
      expect(rows).toEqual([{ street: "Kerkstraat", houseNumber: 12, houseLetter: "A", houseNumberSuffix: "2", addressUnrecognised: false, status: "NEW" }]);
    });

    test("a resident who keeps an unknown street reaches a coordinator, marked \"adres niet herkend\"", async ({ db }) => {
      const mobile = freshMobile();
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed, street: "Kerkstaat", houseNumber: "4", postcode: unusedPostcode("Y") });
      await sendForm(page, "Aanmelden");
      await expect(page.getByText("Bedoel je Kerkstraat?")).toBeVisible();
      await page.waitForTimeout(1100); // without JavaScript the question comes with a fresh form token (FORM_MIN_SECONDS)
      await page.getByRole("button", { name: "Nee, verstuur zoals ik het schreef" }).click();
      await expect(page).toHaveURL(/\/apply\/thanks/);
      const { rows } = await db.query(`SELECT street, "suggestedSubareaId", "addressUnrecognised", status FROM "Application" WHERE mobile = $1`, [mobile.e164]);
      expect(rows).toEqual([{ street: "Kerkstaat", suggestedSubareaId: null, addressUnrecognised: true, status: "NEW" }]);
    });

    test("a number that already applied, without an e-mail address, gets the same thank-you and no second record", async ({ db }) => {
      const mobile = freshMobile();
      await page.goto("/apply");
      await fillApplyForm(page, { mobile: mobile.typed });
      await sendForm(page, "Aanmelden");
      await expect(page).toHaveURL(/\/apply\/thanks$/);
      const first = await page.locator("main").innerText();

      await page.goto("/apply");
      await fillApplyForm(page, { mobile: `+31 6 ${mobile.typed.slice(3)}`, name: "A. de Vries", houseNumber: "14" });
      await sendForm(page, "Aanmelden");
      await expect(page).toHaveURL(/\/apply\/thanks$/);
      expect(await page.locator("main").innerText()).toBe(first);
      const rows = await applicationsOf(db, mobile.e164);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.repeatAttempts).toBe(1);
    });

    test("two visitors with one number and their own e-mail addresses see the same page and get the same mail, each link showing only their own data", async ({ db, browser, baseURL }, info) => {
      const kind = info.project.name as ServerKind;
      const mobile = freshMobile();
      const stamp = `${Date.now()}-${javaScriptEnabled}`;
      const visitors = [
        { page, name: "Anna Eerste", email: `eerste-${stamp}@example.org`, mobile: mobile.typed },
        { page: await (await residentContext(browser, baseURL!, javaScriptEnabled)).newPage(), name: "Bram Tweede", email: `tweede-${stamp}@example.org`, mobile: `+31 6 ${mobile.typed.slice(3)}` },
      ];
      const seen: { main: string; subject: string; text: string; link: string }[] = [];
      try {
        for (const v of visitors) {
          const since = (await mailbox(kind)).length;
          await v.page.goto("/apply");
          await fillApplyForm(v.page, { mobile: v.mobile, name: v.name, email: v.email });
          await sendForm(v.page, "Aanmelden");
          await expect(v.page).toHaveURL(/\/apply\/thanks\?mail=1$/);
          const mail = await waitForMail(kind, v.email, since);
          const link = /https?:\/\/\S+\/manage\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
          seen.push({ main: await v.page.locator("main").innerText(), subject: mail.subject, text: mail.text.replace(link, "LINK"), link });
        }
        // From outside, the known number and the new one look alike: page, subject and text (but for the link).
        expect(seen[1]!.main).toBe(seen[0]!.main);
        expect(seen[1]!.subject).toBe(seen[0]!.subject);
        expect(seen[1]!.text).toBe(seen[0]!.text);
        expect(seen[1]!.link).not.toBe(seen[0]!.link);
        const rows = await applicationsOf(db, mobile.e164);
        expect(rows.map((r) => [r.status, r.email, r.repeatAttempts])).toEqual([["NEW", visitors[0]!.email, 1], ["NEW", visitors[1]!.email, 0]]);
        // Each private link opens a page with what that visitor typed, and nothing of the other.
        for (const [i, v] of visitors.entries()) {
          await v.page.goto(new URL(seen[i]!.link).pathname);
          const main = v.page.locator("main");
          await expect(main).toContainText(v.name);
          await expect(main).toContainText(v.email);
          const other = visitors[1 - i]!;
          await expect(main).not.toContainText(other.name);
          await expect(main).not.toContainText(other.email);
        }
      } finally {
        await visitors[1]!.page.context().close();
      }
    });

    test("bad input in the apply form shows an error at each field and stores nothing", async ({ db }) => {
      await page.goto("/apply");
      await fillApplyForm(page, { name: "", mobile: "026-1234567", street: "Kerkstraat", houseNumber: "x", postcode: "69511", email: "geen-mail", acceptRules: false });
      await sendForm(page, "Aanmelden");
      await expect(page.getByRole("alert").first()).toContainText("Niet alles is goed ingevuld");
      await expectFieldError(page, "Naam", "Vul dit veld in.");
      await expectFieldError(page, "Mobiel nummer", /vast nummer.*mobiel nummer/);
      await expectFieldError(page, "Huisnummer", /huisnummer/);
      await expectFieldError(page, "Postcode", /Nederlandse postcode/);
      await expectFieldError(page, "E-mailadres", /geldig e-mailadres/);
      await expectFieldError(page, /Ik volg de regels/, /regels van de groep/);
      // What was typed is still there to correct.
      await expect(page.getByLabel("Mobiel nummer")).toHaveValue("026-1234567");
      await expect(page.getByLabel("Straat")).toHaveValue("Kerkstraat");
      expect(await applicationsOf(db, "+31261234567")).toEqual([]);
    });

    test("a volunteer offers to start a group; bad input is shown per field first", async ({ db }, info) => {
      const email = `volunteer-${Date.now()}-${javaScriptEnabled}@example.org`;
      const mobile = freshMobile();
      const before = Number((await db.query(`SELECT count(*) FROM "ExpansionRequest"`)).rows[0].count);
      await page.goto("/volunteer");
      await page.getByLabel("Naam").fill("Bert Smit");
      await page.getByLabel("Mobiel nummer").fill("0313-123456");
      await page.getByLabel("E-mailadres").fill(email);
      await sendForm(page, "Versturen");
      await expectFieldError(page, "Mobiel nummer", /vast nummer/);
      await expectFieldError(page, "Voor welke straten", "Vul dit veld in.");
      expect(Number((await db.query(`SELECT count(*) FROM "ExpansionRequest"`)).rows[0].count)).toBe(before);

      const since = (await mailbox(info.project.name as ServerKind)).length;
      await page.getByLabel("Mobiel nummer").fill(mobile.typed);
      await page.getByLabel("Voor welke straten").fill("Zuiderlaan en Kastanjelaan");
      await sendForm(page, "Versturen");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je aanbod");
      const { rows } = await db.query(`SELECT status, streets, mobile FROM "ExpansionRequest" WHERE email = $1`, [email]);
      expect(rows).toEqual([{ status: "NEW", streets: "Zuiderlaan en Kastanjelaan", mobile: mobile.e164 }]);
      expect((await waitForMail(info.project.name as ServerKind, email, since)).subject).toContain("Bedankt voor je aanbod");
    });

    test("a question reaches the coordinators; an empty one is refused", async ({ db }) => {
      const body = `Wanneer word ik toegevoegd? ${Date.now()} ${javaScriptEnabled}`;
      await page.goto("/contact");
      await page.getByLabel("E-mailadres voor een antwoord").fill("niet goed");
      await sendForm(page, "Versturen");
      await expectFieldError(page, "Je vraag of opmerking", "Vul dit veld in.");
      await expectFieldError(page, "E-mailadres voor een antwoord", /geldig e-mailadres/);
      await page.getByLabel("E-mailadres voor een antwoord").fill("");
      await page.getByLabel("Je vraag of opmerking").fill(body);
      await sendForm(page, "Versturen");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je bericht");
      const { rows } = await db.query(`SELECT status, "replyTo" FROM "Message" WHERE body = $1`, [body]);
      expect(rows).toEqual([{ status: "OPEN", replyTo: null }]);
    });
  });
}
