// Issue 11 item 9: hostile input to every route and every Server Action, as anonymous, contact
// person and coordinator. Not one answer may be a 5xx, and not one row may change. Bounded to a
// few hundred requests; the routes come from the authorization matrix and the actions from the
// build's server reference manifest, so a new route or action is fuzzed without editing this.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PUBLIC_ROUTES, STAFF_ROUTES } from "../../lib/auth/authorization-matrix";
import { diff, snapshot } from "../helpers/database-snapshot";
import { expect, test } from "./support/fixtures";
import { rawRequest } from "./support/raw-forms";

type Role = "anonymous" | "contact" | "coordinator";
const ROLES: Role[] = ["anonymous", "contact", "coordinator"];
const EMAIL = { contact: "contact-1@example.org", coordinator: "coordinator@example.org" } as const;
// Tables a hostile request may touch without changing data: the rate-limit counters (a
// refused post still counts) and the sessions' sliding expiry.
const NOT_DATA = ["RateLimit", "Session"];
const READ_RECORDS = ["applications.exported", "privacy.access_exported", "application.disclosed", "report.downloaded"];

const HOSTILE_IDS = ["9e99", "%ff", "-1", "0x1f", "1.5", "99999999999999999999", "%00", "..%2f..%2fetc"];
const HOSTILE_QUERIES = ["q=%00", "q=a%00b", "q=%ff%fe", "from=9999-99-99&to=x", "page=-5&sort=__proto__&dir=sideways", "status=NOPE&subarea=abc", "callbackUrl=javascript:alert(1)", "id=%00"];

/** Every action id of the build, with a page that serves it (its worker's route, ids filled in). */
function serverActions(fill: (segment: string) => string): { id: string; path: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0]!;
    const route = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, fill) || "/";
    return { id, path: route };
  });
}

/** A Server Action payload gone wrong in every way the decoder meets. */
const ACTION_BODIES: { name: string; body: () => FormData | string; type?: string }[] = [
  { name: "not JSON", body: () => "{{{not json", type: "text/plain;charset=UTF-8" },
  { name: "5,000 deep", body: () => "[".repeat(5000) + "]".repeat(5000), type: "text/plain;charset=UTF-8" },
  { name: "wrong shape", body: () => JSON.stringify([{ locale: ["nl"], __proto__: { admin: true } }, "$K1", "$@99", "$Q0"]), type: "text/plain;charset=UTF-8" },
  {
    name: "hostile form",
    body: () => {
      const data = new FormData();
      for (const field of ["id", "version", "token", "name", "mobile", "email", "note", "body", "reply", "q", "status", "reason", "locale", "subareaId", "ids", "confirm"]) {
        data.append(field, `<script>pwn()</script>\u0000\u202E${field}%ff`);
      }
      data.append("1_$ACTION_ID_x", "");
      data.append("file", new Blob(["\u0000".repeat(10)]), "x.bin");
      return data;
    },
  },
];

test("every route and Server Action: hostile input as anonymous, contact person and coordinator gives no 5xx and changes no row", async ({ baseURL, db }) => {
  test.setTimeout(10 * 60_000);
  // Real ids, so a route is reached past its "not found".
  const one = async (sql: string) => String((await db.query(sql)).rows[0]?.id ?? "1");
  const ids: Record<string, string> = {
    applications: await one(`SELECT id FROM "Application" ORDER BY id LIMIT 1`),
    subareas: await one(`SELECT id FROM "Subarea" ORDER BY id LIMIT 1`),
    expansion: await one(`SELECT id FROM "ExpansionRequest" ORDER BY id LIMIT 1`),
    privacy: await one(`SELECT id FROM "PrivacyRequest" ORDER BY id LIMIT 1`),
    intake: await one(`SELECT id FROM "MailDraft" ORDER BY id LIMIT 1`),
    import: await one(`SELECT id FROM "ImportBatch" ORDER BY id LIMIT 1`),
  };
  const fillFor = (route: string) => (segment: string) => (segment === "[token]" ? "x".repeat(43) : segment.startsWith("[...") ? "x" : (ids[route.split("/").find((p) => p in ids) ?? "applications"] ?? "1"));

  // Sessions made as Auth.js makes them; a cookie per role.
  const cookies: Record<Role, string> = { anonymous: "", contact: "", coordinator: "" };
  for (const role of ["contact", "coordinator"] as const) {
    const token = crypto.randomUUID();
    await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") SELECT $1, id, now() + interval '1 hour', now() FROM "User" WHERE email = $2`, [token, EMAIL[role]]);
    cookies[role] = `authjs.session-token=${token}`;
  }

  const routes = [...Object.keys(STAFF_ROUTES), ...PUBLIC_ROUTES].filter((r) => !r.includes("[..."));
  const requests: { role: Role; method: string; path: string; body?: FormData | string; headers?: Record<string, string> }[] = [];
  for (const route of routes) {
    const real = route.replace(/\[[^\]]+\]/g, fillFor(route));
    for (const role of ROLES) {
      requests.push({ role, method: "GET", path: `${real}?${HOSTILE_QUERIES[requests.length % HOSTILE_QUERIES.length]}` });
      if (route.includes("[")) requests.push({ role, method: "GET", path: route.replace(/\[[^\]]+\]/g, HOSTILE_IDS[requests.length % HOSTILE_IDS.length]!) });
    }
    // A cross-origin form post without Next-Action, and methods nobody should use.
    requests.push({ role: "anonymous", method: "POST", path: real, body: "a=1", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" } });
  }
  for (const method of ["TRACE", "TRACK", "PUT", "DELETE", "PATCH"]) requests.push({ role: "anonymous", method, path: "/" });
  requests.push({ role: "anonymous", method: "GET", path: "/manage/%ff%fe" }, { role: "coordinator", method: "GET", path: "/staff/applications/%ff" });
  requests.push({ role: "anonymous", method: "GET", path: "/sign-in?callbackUrl=javascript:alert(1)" }, { role: "anonymous", method: "GET", path: "/api/auth/signin?callbackUrl=javascript:alert(1)" });
  requests.push({ role: "coordinator", method: "GET", path: "/staff/audit?from=9999-99-99" }, { role: "coordinator", method: "GET", path: "/staff/expansion/9e99" });
  requests.push({ role: "coordinator", method: "GET", path: "/api/staff/applications/export?q=%00" }, { role: "contact", method: "GET", path: "/staff/group?q=%00" });

  const actions = serverActions((segment) => (segment === "[token]" ? "x".repeat(43) : ids.applications!));
  expect(actions.length).toBeGreaterThan(20);
  for (const [i, action] of actions.entries()) {
    for (const [j, role] of ROLES.entries()) {
      const shape = ACTION_BODIES[(i + j) % ACTION_BODIES.length]!;
      const origin = [new URL(baseURL!).origin, "", "null"][(i + j) % 3]!;
      requests.push({ role, method: "POST", path: action.path, body: shape.body(), headers: { "next-action": action.id, ...(origin ? { origin } : {}), ...(shape.type ? { "content-type": shape.type } : {}) } });
    }
  }

  const before = await snapshot((sql, params) => db.query(sql, params).then((r) => r.rows), { except: NOT_DATA });
  const failures: string[] = [];
  let n = 0;
  for (const request of requests) {
    n++;
    const client = `203.0.113.${n % 250}`;
    const headers = { ...(cookies[request.role] ? { cookie: cookies[request.role] } : {}), ...request.headers };
    const response = await rawRequest(new URL(request.path, baseURL!), { method: request.method, client, headers, body: request.body, timeoutMs: 20_000 }).catch((error: Error) => ({ status: 599, text: error.message }));
    // The "try again" page answers 503 on purpose (the database is down); it must say so, with Retry-After.
    if (request.method === "GET" && new URL(request.path, baseURL!).pathname === "/unavailable" && response.status === 503 && "headers" in response && response.headers["retry-after"]) continue;
    if (response.status >= 500) failures.push(`${request.role} ${request.method} ${request.path} ${request.headers?.["next-action"] ? `(action ${request.headers["next-action"].slice(0, 8)})` : ""} → ${response.status} ${response.text.slice(0, 120)}`);
  }
  console.log(`every-endpoint fuzz: ${requests.length} requests, ${actions.length} actions, ${routes.length} routes`);
  expect(failures).toEqual([]);
  const after = await snapshot((sql, params) => db.query(sql, params).then((r) => r.rows), { except: NOT_DATA });
  // Reading is recorded where the law asks for it (exports, disclosures): those audit rows are
  // the only rows a request may add. Anything else added, changed or deleted is a failure.
  const changes = diff(before, after);
  const audits = changes.filter((c) => /^AuditEvent:\d+ added$/.test(c)).map((c) => Number(/\d+/.exec(c)![0]));
  const { rows } = await db.query(`SELECT DISTINCT action FROM "AuditEvent" WHERE id = ANY($1)`, [audits]);
  expect(rows.map((r) => r.action).filter((a) => !READ_RECORDS.includes(a))).toEqual([]);
  expect(changes.filter((c) => !/^AuditEvent:\d+ added$/.test(c))).toEqual([]);
});
