// Issue 11 items 9–11 at the edge of the app: methods, malformed addresses and posts get a 4xx
// (never a 500), `Origin: null` serves only the private page's own actions, and every HTML
// response — prefetches too — carries the Content-Security-Policy.
import crypto from "node:crypto";
import { expect, test } from "./support/fixtures";
import { rawRequest } from "./support/raw-forms";

const client = "203.0.113.77";

test("TRACE and TRACK get 405; malformed addresses, callbackUrl and cross-origin posts get 400/403", async ({ baseURL }) => {
  const url = (path: string) => new URL(path, baseURL!);
  expect((await rawRequest(url("/"), { method: "TRACE", client })).status).toBe(405);
  // Node's HTTP parser does not know TRACK: a 400 before any of our code runs.
  expect((await rawRequest(url("/"), { method: "TRACK", client })).status).toBe(400);
  for (const path of ["/manage/%ff%fe", "/staff/applications/%ff"]) expect((await rawRequest(url(path), { client })).status, path).toBe(400);
  const callback = await rawRequest(url("/sign-in?callbackUrl=javascript:alert(1)"), { client });
  expect([callback.status, JSON.parse(callback.text).title]).toEqual([400, "callbackUrl must be a path on this site"]);
  // A Server Action with an empty Origin, and a cross-origin form post without Next-Action.
  const action = await rawRequest(url("/apply"), { method: "POST", client, headers: { origin: "", "next-action": "0".repeat(42), "content-type": "text/plain" }, body: "[]" });
  expect(action.status).toBe(403);
  const form = await rawRequest(url("/apply"), { method: "POST", client, headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "name=x" });
  expect(form.status).toBe(403);
  // Malformed and 5,000-deep Server Action arguments.
  for (const body of ["{{{", "[".repeat(5000) + "]".repeat(5000)]) {
    const response = await rawRequest(url("/apply"), { method: "POST", client, headers: { origin: new URL(baseURL!).origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, body });
    expect(response.status).toBe(400);
  }
});

test("`Origin: null` on /manage/… cannot use a staff action: the session cookie does not go along", async ({ baseURL, db }) => {
  const token = crypto.randomUUID();
  await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") SELECT $1, id, now() + interval '1 hour', now() FROM "User" WHERE email = 'contact-1@example.org'`, [token]);
  const cookie = `authjs.session-token=${token}`;
  // The contact person's member-count form, as the browser without JavaScript posts it.
  const html = (await rawRequest(new URL("/staff/group", baseURL!), { client, headers: { cookie } })).text;
  const form = /<form[^>]*>((?:(?!<\/form>)[\s\S])*name="memberCount"[\s\S]*?)<\/form>/.exec(html)?.[1];
  expect(form, "member-count form").toBeTruthy();
  const hidden = [...form!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as const);
  const subareaId = Number(hidden.find(([name]) => name === "subareaId")![1]);
  const count = async () => (await db.query(`SELECT "memberCount" FROM "Subarea" WHERE id = $1`, [subareaId])).rows[0].memberCount as number;
  const post = (path: string, origin: string, memberCount: number) => {
    const data = new FormData();
    for (const [name, value] of hidden) data.append(name, value);
    data.append("memberCount", String(memberCount));
    return rawRequest(new URL(path, baseURL!), { method: "POST", client, headers: { cookie, origin }, body: data });
  };
  const before = await count();
  const forged = await post(`/manage/${"x".repeat(43)}`, "null", before + 7);
  expect(forged.status).toBeLessThan(500);
  expect(await count()).toBe(before);
  // The same post from the app's own page does change it: the refusal above was the origin.
  const own = await post("/staff/group", new URL(baseURL!).origin, before + 7);
  expect(own.status).toBeLessThan(500);
  expect(await count()).toBe(before + 7);
  await db.query(`UPDATE "Subarea" SET "memberCount" = $1 WHERE id = $2`, [before, subareaId]);
});

test("a prefetch gets the Content-Security-Policy like any other page", async ({ baseURL }) => {
  const variants: Record<string, string>[] = [{ purpose: "prefetch" }, { "next-router-prefetch": "1" }, { "sec-purpose": "prefetch" }, {}];
  for (const headers of variants) {
    const response = await rawRequest(new URL("/rules", baseURL!), { client, headers });
    expect(response.status, JSON.stringify(headers)).toBe(200);
    expect(response.headers["content-security-policy"], JSON.stringify(headers)).toMatch(/script-src 'self' 'nonce-/);
  }
});
