// The contact person's workspace on a phone (360 px): contact-1 signs in by mail, sees exactly
// subarea 1's people to add (name and number, no address anywhere), opens WhatsApp with the
// welcome message, marks someone added, sees a withdrawal appear as a removal task and clears
// it. Then: no other subarea's data on anything contact-1 can open; switching subareas; axe.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, followSignInLink, requestSignInLink, test, waitForMail, mailbox } from "./support/fixtures";

test.use({ viewport: { width: 360, height: 800 } });
// Pages with a few dozen people and axe runs take longer than the default on a busy machine.
test.describe.configure({ timeout: 120_000 });

interface Person {
  id: number;
  name: string;
  mobile: string;
  locale: "nl" | "en";
}

/** +31612345678 → "06 12345678", as the workspace shows a Dutch mobile number (lib/phone displayPhone). */
const shown = (mobile: string) => `0${mobile.slice(3, 4)} ${mobile.slice(4)}`;
const region = (page: Page, name: RegExp) => page.getByRole("region", { name });
const nameOf = (page: Page, name: string) => page.getByRole("heading", { level: 3, name, exact: true });
const card = (page: Page, list: RegExp, name: string) => region(page, list).getByRole("listitem").filter({ has: nameOf(page, name) });

async function subarea(db: import("pg").Client, n: number): Promise<{ id: number; inviteLink: string }> {
  return (await db.query(`SELECT id, "inviteLink" FROM "Subarea" WHERE name LIKE $1`, [`Deelgebied ${n} %`])).rows[0];
}

async function allAddresses(db: import("pg").Client): Promise<string[]> {
  const { rows } = await db.query<{ street: string; postcode: string; houseNumber: number }>(
    `SELECT DISTINCT street, postcode, "houseNumber" FROM "Application" WHERE street <> ''`,
  );
  return [...new Set(rows.flatMap((r) => [r.street, r.postcode, `${r.postcode.slice(0, 4)} ${r.postcode.slice(4)}`]))];
}

test("contact-1 adds people and clears a removal task on a phone", async ({ page, db }) => {
  const link = await requestSignInLink(page, "postgres", "contact-1@example.org");
  await followSignInLink(page, link);
  await expect(page).toHaveURL(/\/staff\/group$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Deelgebied 1 – Noordwest");

  const sub1 = await subarea(db, 1);
  const assigned = (
    await db.query<Person>(`SELECT id, name, mobile, locale FROM "Application" WHERE "subareaId" = $1 AND status = 'ASSIGNED' ORDER BY "statusChangedAt", id`, [sub1.id])
  ).rows;
  expect(assigned.length).toBeGreaterThan(1);

  // Exactly subarea 1's people to add, with name and number.
  const toAdd = region(page, /^Toevoegen/);
  await expect(toAdd.getByRole("listitem")).toHaveCount(assigned.length);
  for (const [i, person] of assigned.entries()) {
    const item = toAdd.getByRole("listitem").nth(i);
    await expect(item.getByRole("heading", { level: 3 })).toHaveText(person.name);
    await expect(item.getByText(shown(person.mobile), { exact: true })).toBeVisible();
  }

  // No address anywhere: not in the page, not in the data sent along with it.
  const html = await (await page.request.get("/staff/group")).text();
  const addresses = await allAddresses(db);
  expect(addresses.length).toBeGreaterThan(10);
  const dom = await page.content();
  expect(addresses.filter((a) => html.includes(a) || dom.includes(a))).toEqual([]);

  // One tap opens WhatsApp with the welcome in the resident's language and the invite link: the
  // button goes through the app (the page does not carry every message), which redirects.
  const first = assigned[0]!;
  const whatsapp = card(page, /^Toevoegen/, first.name).getByRole("link", { name: /^WhatsApp/ });
  await expect(whatsapp).toHaveAttribute("target", "_blank");
  const redirect = await page.request.get((await whatsapp.getAttribute("href"))!, { maxRedirects: 0 });
  expect(redirect.status()).toBe(303);
  expect(redirect.headers()["cache-control"]).toBe("no-store");
  const href = new URL(redirect.headers().location!);
  expect(`${href.origin}${href.pathname}`).toBe(`https://wa.me/${first.mobile.slice(1)}`);
  const text = href.searchParams.get("text")!;
  expect(text).toContain(first.name);
  expect(text).toContain(sub1.inviteLink);
  expect(text).toContain(first.locale === "en" ? "Call 112 first, then post it in the group" : "Bel eerst 112 en zet het daarna in de groep");
  expect(text).toContain(first.locale === "en" ? "no chatter, social or forwarded messages" : "geen gezellige, sociale of doorgestuurde berichten");
  await expect(card(page, /^Toevoegen/, first.name).getByRole("link", { name: /^Bellen/ })).toHaveAttribute("href", `tel:${first.mobile}`);

  // The vCard of the to-add list.
  const [download] = await Promise.all([page.waitForEvent("download"), toAdd.getByRole("link", { name: /als contactpersonen downloaden/ }).click()]);
  expect(download.suggestedFilename()).toBe("toevoegen-deelgebied-1-noordwest.vcf");
  const vcf = fs.readFileSync((await download.path())!, "utf8");
  expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(assigned.length);
  for (const person of assigned) expect(vcf).toContain(`TEL;TYPE=CELL:${person.mobile}`);

  // Mark the first one added: off the to-add list, into the group.
  await card(page, /^Toevoegen/, first.name).getByRole("button", { name: /Toegevoegd aan de groep/ }).click();
  await expect(toAdd.getByRole("listitem")).toHaveCount(assigned.length - 1);
  await expect(card(page, /^In de groep/, first.name)).toBeVisible();
  expect((await db.query(`SELECT status, "inGroup" FROM "Application" WHERE id = $1`, [first.id])).rows[0]).toEqual({ status: "ADDED", inGroup: true });

  // The resident withdraws (their site is built elsewhere: straight in the database), still in the group.
  await db.query(`UPDATE "Application" SET status = 'WITHDRAWN', "statusChangedAt" = now(), version = version + 1 WHERE id = $1`, [first.id]);
  await page.reload();
  const removal = card(page, /^Verwijderen uit de groep/, first.name);
  await expect(removal).toContainText("Heeft zich afgemeld");
  await removal.getByRole("button", { name: /Verwijderd uit de groep/ }).click();
  await expect(card(page, /^Verwijderen uit de groep/, first.name)).toHaveCount(0);
  await expect(nameOf(page, first.name)).toHaveCount(0);
  expect((await db.query(`SELECT status, "inGroup" FROM "Application" WHERE id = $1`, [first.id])).rows[0]).toEqual({ status: "WITHDRAWN", inGroup: false });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("marking someone unreachable with a reason still works", async ({ page, db, signInAs }) => {
    await signInAs("contact-1@example.org");
    await page.goto("/staff/group");
    const person = (await db.query<Person>(`SELECT a.id, a.name FROM "Application" a JOIN "Subarea" s ON s.id = a."subareaId"
      WHERE s.name LIKE 'Deelgebied 1 %' AND a.status = 'ASSIGNED' ORDER BY a."statusChangedAt", a.id LIMIT 1`)).rows[0]!;
    const item = card(page, /^Toevoegen/, person.name);
    await expect(item.getByRole("button", { name: /Kopieer/ })).toHaveCount(0);
    // The rarer actions are on the person's own page.
    await item.getByRole("link", { name: /^Niet bereikbaar…/ }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/group/person/${person.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
    await page.getByLabel("Waarom niet?").selectOption("WRONG_NUMBER");
    await page.getByRole("button", { name: "Markeer als niet bereikbaar" }).click();
    await expect(page).toHaveURL(/\/staff\/group\?done=/);
    await expect(card(page, /^Niet bereikbaar/, person.name)).toBeVisible();
    const event = (await db.query(`SELECT detail FROM "ApplicationEvent" WHERE "applicationId" = $1 ORDER BY id DESC LIMIT 1`, [person.id])).rows[0];
    expect(event.detail).toMatchObject({ reason: "WRONG_NUMBER" });
  });
});

test("nothing contact-1 can open holds another subarea's people, or any address", async ({ page, db, signInAs, context, baseURL }) => {
  await signInAs("contact-1@example.org");
  const sub1 = await subarea(db, 1);
  const others = (await db.query<{ id: number }>(`SELECT id FROM "Subarea" WHERE id <> $1`, [sub1.id])).rows.map((r) => r.id);
  const own = (await db.query<{ name: string }>(`SELECT name FROM "Application" WHERE "subareaId" = $1`, [sub1.id])).rows.map((r) => r.name);
  const foreign = (
    await db.query<{ name: string; mobile: string; email: string | null }>(
      `SELECT name, mobile, email FROM "Application" WHERE ("subareaId" IS NULL OR "subareaId" <> $1) AND mobile <> ''`,
      [sub1.id],
    )
  ).rows;
  expect(foreign.length).toBeGreaterThan(100);

  const bodies: { what: string; body: string }[] = [];
  const fetchAll = async (path: string, expected: number) => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(expected);
    bodies.push({ what: path, body: await response.text() });
  };
  await fetchAll("/staff", 200);
  await fetchAll("/staff/group", 200);
  await fetchAll(`/staff/group?subarea=${sub1.id}`, 200);
  const added = Number((await db.query(`SELECT count(*) FROM "Application" WHERE "subareaId" = $1 AND status = 'ADDED'`, [sub1.id])).rows[0].count);
  // Pages of the members list (ADDED_PAGE_SIZE, 10 today): as many as pages of 5 would need, so every member is seen.
  for (let p = 1; p <= Math.ceil(added / 5) + 1; p++) await fetchAll(`/staff/group?page=${p}`, 200);
  // Searching for another subarea's person finds nobody (the search term itself is echoed back).
  const probes = [foreign.find((f) => !own.some((name) => name.includes(f.name)))!.name, foreign[0]!.mobile, foreign[1]!.mobile.slice(3)];
  for (const probe of probes) {
    await page.goto(`/staff/group?q=${encodeURIComponent(probe)}`);
    await expect(region(page, /^In de groep/)).toContainText("Niemand gevonden.");
    await expect(region(page, /^In de groep/).getByRole("listitem")).toHaveCount(0);
  }
  await fetchAll("/api/staff/group/vcard", 200);
  await fetchAll(`/api/staff/group/vcard?subarea=${sub1.id}`, 200);
  for (const id of others) {
    await fetchAll(`/staff/group?subarea=${id}`, 404);
    await fetchAll(`/api/staff/group/vcard?subarea=${id}`, 404);
  }
  // A person's own page and WhatsApp link: someone of another subarea, or not in any workspace, is "not found".
  const strangers = (
    await db.query<{ id: number }>(
      `(SELECT id FROM "Application" WHERE "subareaId" <> $1 AND status IN ('ASSIGNED', 'ADDED') ORDER BY id LIMIT 3) UNION ALL (SELECT id FROM "Application" WHERE status = 'NEW' ORDER BY id LIMIT 2)`,
      [sub1.id],
    )
  ).rows;
  expect(strangers).toHaveLength(5);
  for (const { id } of strangers) {
    await fetchAll(`/staff/group/person/${id}`, 404);
    await fetchAll(`/api/staff/group/whatsapp/${id}`, 404);
  }
  for (const junk of ["0", "-1", "1e3", "99999999999", "%00"]) await fetchAll(`/staff/group/person/${junk}`, 404);
  for (const path of ["/staff/applications", "/staff/audit", "/staff/violations"]) await fetchAll(path, 404);
  await fetchAll("/api/staff/applications/export", 404);
  // The same in English.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await fetchAll("/staff/group", 200);
  await fetchAll("/api/staff/group/vcard", 200);
  expect(bodies.at(-2)!.body).toContain("To add");
  await context.clearCookies({ name: "NEXT_LOCALE" });

  const needles = new Set<string>(await allAddresses(db));
  for (const person of foreign) {
    if (!own.some((name) => name.includes(person.name))) needles.add(person.name);
    needles.add(person.mobile);
    needles.add(person.mobile.slice(1));
    needles.add(person.mobile.slice(3));
    needles.add(shown(person.mobile));
    if (person.email) needles.add(person.email);
  }
  const found = bodies.flatMap(({ what, body }) => [...needles].filter((needle) => body.includes(needle)).map((needle) => `${what}: ${needle}`));
  expect(found).toEqual([]);
  expect(bodies.find((b) => b.what === "/api/staff/group/vcard")!.body).toContain("BEGIN:VCARD");
});

test("a contact person with two subareas switches between them; one with none gets an explanation", async ({ page, db, signInAs }) => {
  const [sub2, sub3] = [await subarea(db, 2), await subarea(db, 3)];
  const contact3 = (await db.query(`SELECT id FROM "User" WHERE email = 'contact-3@example.org'`)).rows[0].id as string;
  await db.query(`INSERT INTO "SubareaContact" ("userId", "subareaId") VALUES ($1, $2)`, [contact3, sub2.id]);
  try {
    await signInAs("contact-3@example.org");
    await page.goto("/staff/group");
    const switcher = page.getByRole("navigation", { name: "Kies een deelgebied" });
    await expect(switcher.getByRole("link")).toHaveCount(2);
    await switcher.getByRole("link", { name: "Deelgebied 2 – Noordoost" }).click();
    await expect(page).toHaveURL(new RegExp(`subarea=${sub2.id}$`));
    await expect(switcher.getByRole("link", { name: "Deelgebied 2 – Noordoost" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Deelgebied 2 – Noordoost");
    const names = async (subareaId: number) =>
      (await db.query<{ name: string }>(`SELECT name FROM "Application" WHERE "subareaId" = $1 AND status = 'ASSIGNED' ORDER BY "statusChangedAt", id LIMIT 10`, [subareaId])).rows.map((r) => r.name);
    const items = region(page, /^Toevoegen/).getByRole("heading", { level: 3 });
    await expect(items).toHaveText(await names(sub2.id));
    await switcher.getByRole("link", { name: "Deelgebied 3 – Midden" }).click();
    await expect(items).toHaveText(await names(sub3.id));
  } finally {
    await db.query(`DELETE FROM "SubareaContact" WHERE "userId" = $1 AND "subareaId" = $2`, [contact3, sub2.id]);
  }

  await db.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('e2e-no-subarea', 'no-subarea@example.org', 'Nog Zonder Deelgebied', 'CONTACT_PERSON', now())`);
  try {
    await signInAs("no-subarea@example.org");
    await page.goto("/staff/group");
    await expect(page.getByText("Je bent nog niet aan een deelgebied gekoppeld. De coördinator regelt dat voor je.")).toBeVisible();
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations)).toEqual([]);
  } finally {
    await db.query(`DELETE FROM "User" WHERE id = 'e2e-no-subarea'`);
  }
});

test("a rule violation reaches the coordinator without names; the group fills up with a warning", async ({ page, db, signInAs, browser }) => {
  await signInAs("contact-2@example.org");
  await page.goto("/staff/group");
  const member = region(page, /^In de groep/).getByRole("listitem").first();
  const name = (await member.getByRole("heading", { level: 3 }).textContent())!;
  // A member's name leads to their own page: left the group, or a rule violation.
  await member.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("button", { name: new RegExp(`^Heeft de groep verlaten of is eruit gehaald\\s?: ${name}$`) })).toBeVisible();
  const report = page.getByRole("region", { name: "Regelovertreding melden" });
  await report.getByLabel("Wat gebeurde er?").selectOption("OFFENSIVE");
  await report.getByLabel("Toelichting (mag leeg blijven)").fill("Scheldt in de groep");
  const since = (await mailbox("postgres")).length;
  await report.getByRole("button", { name: "Melden aan de coördinator" }).click();
  await expect(report.getByRole("status")).toHaveText("Gemeld. De coördinator pakt het op.");
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations)).toEqual([]);
  await page.getByRole("link", { name: /^Terug naar Deelgebied 2/ }).click();
  const mail = await waitForMail("postgres", "buurtpreventie@dieren-west.nl", since);
  expect(mail.subject).toBe("Regelovertreding gemeld in Deelgebied 2 – Noordoost");
  expect(mail.text).not.toContain(name);
  expect(mail.text).not.toContain("Scheldt");

  const coordinator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInAs("coordinator@example.org", coordinator);
  const inbox = await coordinator.newPage();
  await inbox.goto("/staff/violations");
  const row = inbox.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Beledigende of kwetsende berichten");
  await expect(row).toContainText("Scheldt in de groep");
  expect(await new AxeBuilder({ page: inbox }).analyze().then((r) => r.violations)).toEqual([]);
  await row.getByRole("button", { name: /Afgehandeld/ }).click();
  await expect(inbox.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await coordinator.close();

  const count = page.getByLabel("Aantal leden volgens WhatsApp");
  await count.fill("1000");
  await page.getByRole("button", { name: "Aantal opslaan" }).click();
  await expect(page.getByText("De groep is bijna vol: er is nog plaats voor 24 leden.", { exact: false })).toBeVisible();
  await expect(page.getByText("1000 van de maximaal 1024 leden")).toBeVisible();
  await db.query(`UPDATE "Subarea" SET "memberCount" = 118 WHERE name LIKE 'Deelgebied 2 %'`);
});

test("the workspace has no accessibility violations at 360 and 1280 px", async ({ page, signInAs }) => {
  await signInAs("contact-1@example.org");
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/staff/group");
    await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
});
