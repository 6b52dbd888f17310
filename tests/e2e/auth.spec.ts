import { STAFF_ROUTES } from "../../lib/auth/authorization-matrix";
import { baseUrl } from "./support/e2e-env";
import { expect, mailbox, requestSignInLink, test } from "./support/fixtures";

test.describe("staff sign-in by magic link", () => {
  test("a coordinator signs in through the link in a real mail and lands on the dashboard", async ({ page, context }) => {
    const link = await requestSignInLink(page, "postgres", "coordinator@example.org");
    expect(new URL(link).origin).toBe(baseUrl("postgres"));
    await page.goto(link);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { level: 1, name: "Overzicht" })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // The same link a second time: refused, with a clear message.
    const second = await context.browser()!.newContext();
    const again = await second.newPage();
    await again.goto(link);
    await expect(again).toHaveURL(/\/sign-in\/error\?error=Verification/);
    await expect(again.getByRole("main").getByRole("alert")).toHaveText("Deze inloglink is al gebruikt of verlopen. Vraag een nieuwe link aan.");
    await second.close();

    // Signing out ends the session.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff/);
  });

  test("an expired link is refused", async ({ page, db }) => {
    const link = await requestSignInLink(page, "postgres", "contact-3@example.org");
    await db.query(`UPDATE "VerificationToken" SET expires = now() - interval '1 minute' WHERE identifier = 'contact-3@example.org'`);
    await page.goto(link);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Deze inloglink is al gebruikt of verlopen. Vraag een nieuwe link aan.");
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an unknown address gets the same answer and no mail", async ({ page }) => {
    const before = await mailbox("postgres");
    await page.goto("/sign-in");
    await page.getByLabel("E-mailadres").fill("nobody@example.org");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
    await page.waitForTimeout(1500);
    expect((await mailbox("postgres")).slice(before.length).filter((m) => m.to.includes("nobody@example.org"))).toEqual([]);
  });

  test("a bad address gets a field error, and too many requests are refused", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mailadres").fill("not-an-address");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.");
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    for (let i = 0; i < 5; i++) {
      await page.goto("/sign-in");
      await page.getByLabel("E-mailadres").fill("limited@example.org");
      await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
      await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
    }
    await page.goto("/sign-in");
    await page.getByLabel("E-mailadres").fill("limited@example.org");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Te veel pogingen. Probeer het over");
  });

  test("Auth.js's own e-mail endpoint is closed (the rate limits cannot be bypassed)", async ({ request }) => {
    const response = await request.post("/api/auth/signin/nodemailer", { form: { email: "coordinator@example.org" } });
    expect(response.status()).toBe(404);
  });
});

test.describe("staff routes", () => {
  const pages = Object.keys(STAFF_ROUTES).filter((r) => !r.startsWith("/api/")).map((r) => r.replace("[id]", "1"));
  const apis = Object.keys(STAFF_ROUTES).filter((r) => r.startsWith("/api/"));

  test("send a signed-out visitor to sign-in, and answer APIs with 401", async ({ page, request }) => {
    for (const path of pages) {
      await page.goto(path);
      await expect(page, path).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
    for (const path of apis) expect((await request.get(path)).status(), path).toBe(401);
  });

  test("answer not found to a contact person on coordinator pages and APIs", async ({ page, signInAs }) => {
    await signInAs("contact-1@example.org");
    for (const path of ["/staff/applications", "/staff/applications/1", "/staff/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    expect((await page.request.get("/api/staff/applications/export")).status()).toBe(404);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/group$/);
  });

  test("stop working for a deactivated contact person on their next request", async ({ page, db, signInAs }) => {
    await signInAs("contact-4@example.org");
    await page.goto("/staff/group");
    await expect(page.getByRole("heading", { name: "Mijn groep" })).toBeVisible();
    await db.query(`UPDATE "User" SET active = false WHERE email = 'contact-4@example.org'`);
    try {
      await page.reload();
      await expect(page).toHaveURL(/\/sign-in/);
    } finally {
      await db.query(`UPDATE "User" SET active = true WHERE email = 'contact-4@example.org'`);
    }
  });

  test("refuse a contact person's crafted status change for another subarea", async ({ page, db, signInAs }) => {
    const { rows } = await db.query<{ id: number; version: number }>(
      `SELECT a.id, a.version FROM "Application" a JOIN "Subarea" s ON s.id = a."subareaId"
       WHERE s.name LIKE 'Deelgebied 2%' AND a.status = 'ASSIGNED' LIMIT 1`,
    );
    const foreign = rows[0]!;
    await signInAs("contact-1@example.org");
    await page.goto("/staff/group");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Toegevoegd aan de groep" }) }).first();
    await form.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), foreign.id);
    await form.getByRole("button").click();
    await expect(form.getByRole("alert")).toHaveText("Dit item bestaat niet of je hebt er geen toegang toe.");
    const after = await db.query(`SELECT status, version FROM "Application" WHERE id = $1`, [foreign.id]);
    expect(after.rows[0]).toEqual({ status: "ASSIGNED", version: foreign.version });
  });
});

test.describe("security headers", () => {
  test("every page carries a nonce CSP, no framing, no sniffing and a referrer policy", async ({ page }) => {
    const response = await page.goto("/");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    const second = await page.goto("/");
    expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);
  });

  test("a Server Action posted from a foreign origin is rejected", async ({ page, request }) => {
    await page.goto("/sign-in");
    const actionId = await page.locator('input[name^="$ACTION_ID_"], input[name="$ACTION_KEY"]').first().getAttribute("name").catch(() => null);
    const response = await request.post("/sign-in", {
      headers: { Origin: "https://evil.example", "Next-Action": actionId?.replace("$ACTION_ID_", "") ?? "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{}, "email=coordinator@example.org"]),
    });
    expect(response.status()).toBe(403);
  });
});
