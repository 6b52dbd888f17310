import type { ServerKind } from "./support/e2e-env";
import { followSignInLink, requestSignInLink } from "./support/fixtures";
import { expect, test } from "@playwright/test";

test("the home page renders in Dutch", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samen alert in Dieren-West");
  await expect(page.getByText("Bel eerst 112")).toBeVisible();
});

test("the health endpoint reports a reachable, migrated database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: { reachable: true, migrationsCurrent: true, pendingMigrations: [] },
  });
});

test("a coordinator signs in by mail and sees the demo data", async ({ page }, info) => {
  const link = await requestSignInLink(page, info.project.name as ServerKind, "coordinator@example.org");
  await followSignInLink(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht" })).toBeVisible();
  await expect(page).toHaveTitle("Overzicht · Buurtpreventie Dieren-West");
  // The "Totaal" row of the status × subarea table: its "Nieuw" column links to the inbox filtered on NEW.
  const newTotal = page.getByRole("row", { name: /^Totaal/ }).locator('a[href="/staff/applications?status=NEW"]');
  expect(Number(await newTotal.textContent())).toBeGreaterThan(0);
  await page.goto("/staff/applications?status=WAITING");
  await expect(page).toHaveTitle("Aanmeldingen · Buurtpreventie Dieren-West");
  await expect(page.getByRole("cell", { name: "Wacht op groep" }).first()).toBeVisible();
});
