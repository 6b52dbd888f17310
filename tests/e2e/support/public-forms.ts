import type { Browser, BrowserContext, Page } from "@playwright/test";
import type pg from "pg";
import { expect } from "./fixtures";

let client = 0;

/**
 * A browser context as one resident on their own connection: the app reads the client address
 * from the last hop of X-Forwarded-For (as behind a proxy), so each context gets its own
 * documentation-range address and one test's forms do not count against another's rate limit.
 */
export async function residentContext(browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<BrowserContext> {
  client += 1;
  return browser.newContext({
    baseURL,
    javaScriptEnabled,
    locale: "nl-NL",
    // The last hop is the one the app reads: it must differ per context.
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.7, 203.0.113.${client % 250}` },
  });
}

let mobiles = 0;
/** A mobile number far from the demo seed's range, different for every call in a run. */
export function freshMobile(): { typed: string; e164: string } {
  mobiles += 1;
  const digits = `8${String((Date.now() % 100_000) * 100 + (mobiles % 100)).padStart(7, "0")}`;
  return { typed: `06-${digits}`, e164: `+316${digits}` };
}

export interface Applicant {
  name?: string;
  mobile: string;
  street?: string;
  houseNumber?: string;
  postcode?: string;
  email?: string;
  acceptRules?: boolean;
}

/** Fills in the apply form as a person would (labels, not selectors) and sends it. */
export async function fillApplyForm(page: Page, a: Applicant): Promise<void> {
  await page.getByLabel("Naam").fill(a.name ?? "Anna de Vries");
  await page.getByLabel("Mobiel nummer").fill(a.mobile);
  await page.getByLabel("Straat").fill(a.street ?? "Kerkstraat");
  await page.getByLabel("Huisnummer").fill(a.houseNumber ?? "12a");
  await page.getByLabel("Postcode").fill(a.postcode ?? "6951 AB");
  if (a.email !== undefined) await page.getByLabel("E-mailadres").fill(a.email);
  if (a.acceptRules ?? true) await page.getByLabel(/Ik volg de regels/).check();
}

/** The form token must be at least FORM_MIN_SECONDS old (1 s in the e2e server). */
export async function sendForm(page: Page, button: string): Promise<void> {
  await page.waitForTimeout(1100);
  await page.getByRole("button", { name: button }).click();
}

export async function applicationsOf(db: pg.Client, e164: string) {
  const { rows } = await db.query<{ id: number; status: string; repeatAttempts: number; suggestedSubareaId: number | null; email: string | null }>(
    `SELECT id, status, "repeatAttempts", "suggestedSubareaId", email FROM "Application" WHERE mobile = $1 ORDER BY id`,
    [e164],
  );
  return rows;
}

export async function expectFieldError(page: Page, label: string | RegExp, message: string | RegExp): Promise<void> {
  const field = page.getByLabel(label);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const id = await field.getAttribute("id");
  await expect(page.locator(`#${id}-error`)).toHaveText(message);
}
