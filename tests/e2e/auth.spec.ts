import { STAFF_ROUTES } from "../../lib/auth/authorization-matrix";
import { baseUrl } from "./support/e2e-env";
import { expect, followSignInLink, mailbox, requestSignInLink, test } from "./support/fixtures";
import { freshMobile } from "./support/public-forms";
import { hiddenFields, letTokenMature, postForm } from "./support/raw-forms";

test.describe("staff sign-in by magic link", () => {
  test("a coordinator signs in through the link in a real mail and lands on the dashboard", async ({ page, context, request, db }) => {
    const link = await requestSignInLink(page, "postgres", "coordinator@example.org");
    expect(new URL(link).origin).toBe(baseUrl("postgres"));
    expect(new URL(link).pathname).toBe("/sign-in/confirm");
    const tokens = async () =>
      Number((await db.query(`SELECT count(*) FROM "VerificationToken" WHERE identifier = 'coordinator@example.org'`)).rows[0].count);
    expect(await tokens()).toBe(1);

    // Mail scanners (Safe Links, Proofpoint, Mimecast) open the link first, without cookies, by
    // GET and HEAD: that shows the confirm page, spends nothing and sets no session.
    const callback = new URL(link);
    callback.pathname = "/api/auth/callback/nodemailer";
    for (const method of ["GET", "HEAD"]) {
      const opened = await request.fetch(link, { method, maxRedirects: 0 });
      expect(opened.status(), method).toBe(200);
      expect(opened.headers()["set-cookie"] ?? "", method).not.toContain("session-token");
      // Auth.js's own callback address (the shape of links mailed before) only points there.
      const old = await request.fetch(callback.toString(), { method, maxRedirects: 0 });
      expect([old.status(), old.headers()["location"]], method).toEqual([303, `/sign-in/confirm${callback.search}`]);
      expect(old.headers()["set-cookie"] ?? "", method).not.toContain("session-token");
    }
    // The confirm form posted from another site (or by a script without an Origin) is refused.
    const fields = Object.fromEntries(callback.searchParams);
    for (const headers of [{ Origin: "https://evil.example" }, {}] as Record<string, string>[]) {
      const forged = await request.post("/api/auth/callback/nodemailer", { form: fields, headers, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect(forged.headers()["set-cookie"] ?? "").not.toContain("session-token");
    }
    expect(await tokens()).toBe(1);

    // The person's own click still signs in.
    await followSignInLink(page, link);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { level: 1, name: "Overzicht" })).toBeVisible();
    expect(await tokens()).toBe(0);
    const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // What the browser may read about its session: name, role and end, nothing else.
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session).toStrictEqual({ user: { name: "Demo Coördinator", role: "COORDINATOR" }, expires: expect.any(String) });
    expect(JSON.stringify(session)).not.toContain(cookie!.value);
    const ends = Date.parse(session.expires) - Date.now();
    expect(ends).toBeGreaterThan(11 * 3_600_000);
    expect(ends).toBeLessThanOrEqual(12 * 3_600_000);

    // The same link a second time: refused, with a clear message.
    const second = await context.browser()!.newContext();
    const again = await second.newPage();
    await followSignInLink(again, link);
    await expect(again).toHaveURL(/\/sign-in\/error\?error=Verification/);
    await expect(again.getByRole("main").getByRole("alert")).toHaveText("Deze inloglink is al gebruikt of verlopen. Vraag een nieuwe link aan.");
    await second.close();

    // Signing out ends the session.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff/);
  });

  test("asking for a new link makes the older one useless", async ({ page, browser }) => {
    const first = await requestSignInLink(page, "postgres", "contact-2@example.org");
    const newer = await requestSignInLink(page, "postgres", "contact-2@example.org");
    expect(newer).not.toBe(first);
    await followSignInLink(page, first);
    await expect(page).toHaveURL(/\/sign-in\/error\?error=Verification/);
    const other = await browser.newContext();
    const person = await other.newPage();
    await followSignInLink(person, newer);
    await expect(person).toHaveURL(/\/staff\/group$/);
    await other.close();
  });

  test("a made-up confirm link or a post without a token gets the error page, not a sign-in", async ({ page, request, baseURL }) => {
    await page.goto("/sign-in/confirm?token=x&email=" + encodeURIComponent("Uw gegevens zijn gelekt, zie https://evil.example"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Er ging iets mis bij het inloggen. Vraag een nieuwe link aan.");
    await expect(page.getByRole("main")).not.toContainText("gelekt");
    await expect(page.getByRole("main").getByRole("button", { name: "Inloggen" })).toHaveCount(0);
    const empty = await request.post("/api/auth/callback/nodemailer", { form: { email: "coordinator@example.org" }, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
    expect([empty.status(), empty.headers()["location"]]).toEqual([303, `${baseURL}/sign-in/error?error=Verification`]);
  });

  test("an expired link is refused", async ({ page, db }) => {
    const link = await requestSignInLink(page, "postgres", "contact-3@example.org");
    await db.query(`UPDATE "VerificationToken" SET expires = now() - interval '1 minute' WHERE identifier = 'contact-3@example.org'`);
    await followSignInLink(page, link);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Deze inloglink is al gebruikt of verlopen. Vraag een nieuwe link aan.");
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an unknown address gets the same answer and no mail", async ({ page, db }) => {
    const before = await mailbox("postgres");
    await page.goto("/sign-in");
    await page.getByLabel("E-mailadres").fill("nobody@example.org");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
    // A barrier instead of a pause: sign-in mail is handled in the order it was asked for
    // (lib/auth/send-sign-in-link.ts), so once a later request's mail has arrived, any mail for
    // the unknown address would have been queued and sent before it.
    await requestSignInLink(page, "postgres", "contact-4@example.org");
    expect((await mailbox("postgres")).slice(before.length).filter((m) => m.to.includes("nobody@example.org"))).toEqual([]);
    expect((await db.query(`SELECT count(*)::int AS n FROM "OutboxMail" WHERE "to" = 'nobody@example.org'`)).rows[0]).toEqual({ n: 0 });
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
    // Each card's button carries the person's id to the list's form (name="id"): forge it.
    const button = page.getByRole("region", { name: /^Toevoegen/ }).getByRole("button", { name: /^Toegevoegd aan de groep/ }).first();
    await button.evaluate((element, id) => ((element as HTMLButtonElement).value = String(id)), foreign.id);
    await button.click();
    await expect(page.locator("#to-add-form").getByRole("alert")).toHaveText("Dit item bestaat niet of je hebt er geen toegang toe.");
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

  test("a Server Action runs for its own site and is refused from a foreign origin", async ({ page, request, db, baseURL }) => {
    // A real action id and body, as the browser sends them (the sign-in form, with JavaScript).
    await page.goto("/sign-in");
    await page.getByLabel("E-mailadres").fill("replay@example.org");
    const sent = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    const action = await sent;
    await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
    const id = action.headers()["next-action"]!;
    expect(id).toMatch(/^[0-9a-f]{40,}$/);
    // Auth.js stores a token for every address asked about: the action's trace in the table.
    const tokens = async () => Number((await db.query(`SELECT count(*) FROM "VerificationToken" WHERE identifier = 'replay@example.org'`)).rows[0].count);
    expect(await tokens()).toBe(1);
    await db.query(`DELETE FROM "VerificationToken" WHERE identifier = 'replay@example.org'`);
    const replay = (origin: string) =>
      request.post("/sign-in", {
        headers: { Origin: origin, "Next-Action": id, "Content-Type": action.headers()["content-type"]! },
        data: action.postDataBuffer()!,
        maxRedirects: 0,
      });

    const foreign = await replay("https://evil.example");
    expect(foreign.status()).toBe(403);
    expect(await tokens()).toBe(0);

    const own = await replay(new URL(baseURL!).origin);
    expect(own.status()).toBeLessThan(400);
    expect(await tokens()).toBe(1);
  });

  test("a form posted without JavaScript from a foreign origin stores nothing", async ({ db, baseURL }) => {
    const client = "2001:db8:17::1";
    const hidden = await hiddenFields(baseURL!, "/apply", "Aanmeldformulier", client);
    await letTokenMature();
    const mobile = freshMobile();
    const form = () => {
      const data = new FormData();
      for (const [name, value] of hidden) data.append(name, value);
      const fields = { website: "", name: "Cross Origin", mobile: mobile.typed, street: "Kerkstraat", houseNumber: "12", postcode: "6951AB", email: "", acceptRules: "on" };
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      return data;
    };
    const stored = async () => Number((await db.query(`SELECT count(*) FROM "Application" WHERE mobile = $1`, [mobile.e164])).rows[0].count);

    const foreign = await fetch(new URL("/apply", baseURL), {
      method: "POST",
      body: form(),
      redirect: "manual",
      headers: { origin: "https://evil.example", "x-forwarded-for": client },
    });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(await stored()).toBe(0);

    // The very same post from the site itself is stored: the refusal above was the origin's doing.
    const own = await postForm(baseURL!, "/apply", form(), client);
    expect([own.status, own.location]).toEqual([303, "/apply/thanks"]);
    expect(await stored()).toBe(1);
  });
});
