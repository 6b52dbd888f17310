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
