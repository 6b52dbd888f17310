// Every staff route of the authorization matrix, as every role, with ids that exist: a role the
// matrix allows gets the page (200), any other role "not found" (404), a signed-out visitor the
// sign-in page (pages) or 401 (APIs). The list of routes and roles comes from the matrix, so a
// new route is walked without anyone adding it here; a route with a parameter this file does not
// know how to fill fails.
import { STAFF_ROUTES } from "../../lib/auth/authorization-matrix";
import { roleCan, type StaffRole } from "../../lib/auth/capabilities";
import { expect, test } from "./support/fixtures";

const USERS = { COORDINATOR: "coordinator@example.org", CONTACT_PERSON: "contact-1@example.org" } as const satisfies Record<StaffRole, string>;
const ROLES = Object.keys(USERS) as StaffRole[];

test("every staff route answers each role as the matrix says, with real ids", async ({ browser, db, signInAs, baseURL }) => {
  test.setTimeout(120_000);
  const one = async (sql: string, params: unknown[] = []) => ((await db.query<{ id: number }>(sql, params)).rows[0]?.id ?? null);
  const coordinatorId = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [USERS.COORDINATOR])).rows[0]!.id;
  const applicationId = await one(`SELECT id FROM "Application" ORDER BY id LIMIT 1`);
  // Someone on contact-1's list to add: the workspace's person page and WhatsApp link.
  const toAddId = await one(
    `SELECT a.id FROM "Application" a JOIN "SubareaContact" sc ON sc."subareaId" = a."subareaId" JOIN "User" u ON u.id = sc."userId"
     WHERE u.email = $1 AND a.status = 'ASSIGNED' ORDER BY a.id LIMIT 1`,
    [USERS.CONTACT_PERSON],
  );
  const created = {
    expansion: await one(
      `INSERT INTO "ExpansionRequest" (name, mobile, email, streets, "updatedAt") VALUES ('Route Tester', '+31611110000', 'route.tester@example.net', 'Spoorstraat', now()) RETURNING id`,
    ),
    privacy: await one(
      `INSERT INTO "PrivacyRequest" (type, "applicationId", "dueAt", "updatedAt") VALUES ('ACCESS', $1, now() + interval '1 month', now()) RETURNING id`,
      [applicationId],
    ),
    intake: await one(`INSERT INTO "MailDraft" ("createdById", "mailText", name) VALUES ($1, 'Graag aanmelden', 'Route Tester') RETURNING id`, [coordinatorId]),
    import: await one(
      `INSERT INTO "ImportBatch" ("createdById", "fileName", content, "rowCount") VALUES ($1, 'routes.csv', E'naam;mobiel\\nRoute Tester;0611110001', 1) RETURNING id`,
      [coordinatorId],
    ),
  };
  const ids: Record<string, number | null> = {
    "/staff/applications/[id]": applicationId,
    "/staff/subareas/[id]": await one(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`),
    "/staff/expansion/[id]": created.expansion,
    "/staff/privacy/[id]": created.privacy,
    "/staff/privacy/[id]/export": created.privacy,
    "/api/staff/privacy/[id]/export": created.privacy,
    "/staff/intake/[id]": created.intake,
    "/staff/import/[id]": created.import,
    "/api/staff/import/[id]/progress": created.import,
    "/staff/group/person/[id]": toAddId,
    "/api/staff/group/whatsapp/[id]": toAddId,
  };
  // What an allowed role gets where it is not the page itself: the WhatsApp link redirects to WhatsApp.
  const allowed: Record<string, number> = { "/api/staff/group/whatsapp/[id]": 303 };
  const pathOf = (route: string) => {
    if (!route.includes("[")) return route;
    const id = ids[route];
    expect(id, `a real id for ${route}`).toBeGreaterThan(0);
    return route.replace("[id]", String(id));
  };
  const routes = Object.entries(STAFF_ROUTES);
  expect(routes.length).toBeGreaterThan(20);
  const seen: string[] = [];
  try {
    for (const role of ROLES) {
      const context = await browser.newContext({ baseURL });
      await signInAs(USERS[role], context);
      for (const [route, capability] of routes) {
        const response = await context.request.get(pathOf(route), route in allowed ? { maxRedirects: 0 } : {});
        const expected = roleCan(role, capability) ? (allowed[route] ?? 200) : 404;
        expect(response.status(), `${role} ${route}`).toBe(expected);
        seen.push(`${role} ${route} ${expected}`);
      }
      await context.close();
    }
    // Signed out: pages go to sign-in, APIs answer 401.
    const anonymous = await browser.newContext({ baseURL });
    for (const [route] of routes) {
      const response = await anonymous.request.get(pathOf(route), { maxRedirects: 0 });
      if (route.startsWith("/api/")) expect(response.status(), route).toBe(401);
      else expect(response.headers().location ?? "", route).toContain(`/sign-in?callbackUrl=`);
      seen.push(`anonymous ${route}`);
    }
    await anonymous.close();
    // Both roles were refused somewhere and allowed somewhere: the loop proved something.
    expect(seen).toHaveLength(routes.length * (ROLES.length + 1));
    for (const role of ROLES) {
      expect(seen.filter((s) => s.startsWith(`${role} `) && / (200|303)$/.test(s)).length, role).toBeGreaterThan(0);
      expect(seen.filter((s) => s.startsWith(`${role} `) && s.endsWith(" 404")).length, role).toBeGreaterThan(0);
    }
  } finally {
    await db.query(`DELETE FROM "ExpansionRequest" WHERE id = $1`, [created.expansion]);
    await db.query(`DELETE FROM "PrivacyRequest" WHERE id = $1`, [created.privacy]);
    await db.query(`DELETE FROM "MailDraft" WHERE id = $1`, [created.intake]);
    await db.query(`DELETE FROM "ImportBatch" WHERE id = $1`, [created.import]);
  }
});
