// The yearly member check end to end (issue 16 part 2). The job runs here, against the server's
// database, with a moved clock and a long period (MEMBER_CHECK_MONTHS=120, so none of the
// demo's members is touched): a resident gets the mail, opens their private page (the GET
// changes nothing), presses "Ik woon hier nog" and the confirmation is stored; a member who does
// not answer is mailed, reminded and then shown to contact-1 at 360 px as "niet bevestigd", who
// keeps them; a member without e-mail is listed "vraag even na" and removed. axe on every page.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { AUTH_SECRET, baseUrl } from "./support/e2e-env";
import { expect, linkIn, mailbox, test, waitForMail } from "./support/fixtures";
import { noViolations } from "./support/page-checks";

test.describe.configure({ timeout: 120_000 });

const SHOTS = "/work/wt/shots";
const DAY = 86_400_000;

/** The job, run as the server would run it, with the given clock (support/run-member-check.ts). */
function runCheck(now: Date): Record<string, number> {
  const result = spawnSync("npx", ["tsx", "tests/e2e/support/run-member-check.ts", now.toISOString()], {
    encoding: "utf8",
    env: { ...process.env, AUTH_SECRET, APP_URL: baseUrl("postgres"), MEMBER_CHECK_MONTHS: "120", NODE_ENV: "test" },
  });
  if (result.status !== 0) throw new Error(`member check failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The page, and the changed part of it on its own, at 360 and 1280 px. */
async function shoot(page: Page, name: string, part: Locator) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/yearly-${name}-${width}.png`, fullPage: true });
    await part.screenshot({ path: `${SHOTS}/yearly-${name}-part-${width}.png` });
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

test("a member confirms with the button; contact-1 keeps an unanswered member and removes one to ask in person", async ({ page, db, signInAs }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const run = Date.now().toString(36);
  const sub1 = (await db.query<{ id: number }>(`SELECT id FROM "Subarea" WHERE name LIKE 'Deelgebied 1 %'`)).rows[0]!.id;
  const members = (
    await db.query<{ id: number; name: string }>(
      `SELECT id, name FROM "Application" WHERE "subareaId" = $1 AND status = 'ADDED' AND "inGroup" AND "anonymisedAt" IS NULL ORDER BY id DESC LIMIT 3`,
      [sub1],
    )
  ).rows;
  expect(members).toHaveLength(3);
  const [confirms, silent, noEmail] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
  const email = (key: string) => `member-${key}-${run}@example.net`;
  // Members for more than ten years: due for the (long) check period of this test.
  const joined = `now() - interval '121 months'`;
  await db.query(`UPDATE "Application" SET email = $2, "emailConfirmedAt" = now(), locale = 'nl', "statusChangedAt" = ${joined} WHERE id = $1`, [confirms.id, email("a")]);
  await db.query(`UPDATE "Application" SET email = $2, "emailConfirmedAt" = now(), locale = 'nl', "statusChangedAt" = ${joined} WHERE id = $1`, [silent.id, email("b")]);
  await db.query(`UPDATE "Application" SET email = NULL, "emailConfirmedAt" = NULL, "statusChangedAt" = ${joined} WHERE id = $1`, [noEmail.id]);

  const since = (await mailbox("postgres")).length;
  expect(runCheck(new Date())).toEqual({ asked: 2, askInPerson: 1, reminded: 0, unanswered: 0, closed: 0 });

  // The resident's mail: a private link, no token of old, nothing the resident typed.
  const mail = await waitForMail("postgres", email("a"), since);
  expect(mail.subject).toContain("Woon je nog in de buurt");
  expect(mail.text).not.toContain(confirms.name);
  const link = linkIn(mail);
  expect(link).toMatch(/\/manage\/[A-Za-z0-9_-]{43}$/);

  // Opening the page (a GET, as a mail scanner does) changes nothing.
  const row = async (id: number) => (await db.query(`SELECT * FROM "Application" WHERE id = $1`, [id])).rows[0];
  const before = await row(confirms.id);
  await page.goto(link);
  await page.reload();
  const section = page.getByRole("form", { name: "Woon je hier nog?" });
  await expect(section).toBeVisible();
  expect(await row(confirms.id)).toEqual(before);
  await noViolations(page, "private page with the member check");
  await shoot(page, "private-page", section);

  // The button's POST answers.
  await section.getByRole("button", { name: "Ik woon hier nog" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bedankt. Je blijft in de groep" })).toBeVisible();
  const after = await row(confirms.id);
  expect(after.memberConfirmedAt).not.toBeNull();
  expect(after.memberCheckOpen).toBeNull();
  await noViolations(page, "private page after confirming");

  // The silent member: reminded after two weeks, listed after four.
  const now = Date.now();
  expect(runCheck(new Date(now + 14.1 * DAY))).toEqual({ asked: 0, askInPerson: 0, reminded: 1, unanswered: 0, closed: 0 });
  expect(runCheck(new Date(now + 28.2 * DAY))).toEqual({ asked: 0, askInPerson: 0, reminded: 0, unanswered: 1, closed: 0 });
  expect((await mailbox("postgres")).slice(since).filter((m) => m.to.includes(email("a")))).toHaveLength(1);

  // contact-1 on a phone.
  await signInAs("contact-1@example.org");
  await page.goto("/staff/group");
  const list = page.getByRole("region", { name: /^Jaarlijkse check/ });
  const card = (name: string) => list.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
  await expect(card(silent.name)).toContainText("Niet bevestigd");
  await expect(card(noEmail.name)).toContainText("Vraag even na");
  await expect(card(confirms.name)).toHaveCount(0);
  await noViolations(page, "contact person's list with the member check");
  await shoot(page, "contact-list", list);

  await card(silent.name).getByRole("button", { name: /Woont hier nog: houden/ }).click();
  await expect(card(silent.name)).toHaveCount(0);
  expect((await row(silent.id)).memberCheckOpen).toBeNull();
  expect((await row(silent.id)).memberConfirmedAt).not.toBeNull();

  await card(noEmail.name).getByRole("button", { name: /Uit de groep gehaald/ }).click();
  await expect(list).toHaveCount(0);
  expect(await row(noEmail.id)).toMatchObject({ status: "LEFT", inGroup: false });
  await noViolations(page, "contact person's workspace after the check");

  // The coordinator's overview counts it.
  await signInAs("coordinator@example.org");
  await page.goto("/staff");
  const overview = page.getByRole("region", { name: "Jaarlijkse check van leden" });
  await expect(overview.getByText("Bevestigd door het lid")).toBeVisible();
  await noViolations(page, "coordinator's overview");
});
