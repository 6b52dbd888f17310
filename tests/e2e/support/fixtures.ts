import crypto from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, mailApiUrl, type ServerKind } from "./e2e-env";

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** The mail the e2e server's SMTP catcher received. */
export async function mailbox(kind: ServerKind): Promise<CaughtMail[]> {
  return (await fetch(`${mailApiUrl(kind)}/messages`)).json();
}

export async function waitForMail(kind: ServerKind, to: string, since = 0, timeoutMs = 15_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mailbox(kind)).slice(since).find((m) => m.to.includes(to));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

export function linkIn(mail: CaughtMail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in mail "${mail.subject}"`);
  return link;
}

/** Requests a magic link on the sign-in page and returns the link from the real mail. */
export async function requestSignInLink(page: Page, kind: ServerKind, email: string): Promise<string> {
  const since = (await mailbox(kind)).length;
  await page.goto("/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  return linkIn(await waitForMail(kind, email, since));
}

/**
 * Opens a mailed sign-in link and presses its one button, as a person does: the link itself
 * only shows the confirm page (mail scanners open it too), the button's post signs in.
 */
export async function followSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("main").getByRole("button", { name: "Inloggen" }).click();
}

export const test = base.extend<{ db: pg.Client; signInAs: (email: string, context?: BrowserContext) => Promise<void> }>({
  db: async ({}, use) => {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    await use(client);
    await client.end();
  },
  /** A session made directly in the database, as Auth.js would after a magic link (fast path). */
  signInAs: async ({ db, context, baseURL }, use) => {
    await use(async (email, target = context) => {
      const token = crypto.randomUUID();
      const { rowCount } = await db.query(
        `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
         SELECT $1, id, now() + interval '1 hour', now() FROM "User" WHERE email = $2`,
        [token, email],
      );
      if (rowCount !== 1) throw new Error(`no staff user ${email}`);
      await target.addCookies([{ name: "authjs.session-token", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    });
  },
});

export { expect };
