// Property test against the running production server: 10,000 random and hostile form posts
// to the apply, volunteer and contact endpoints. We post exactly what a browser without
// JavaScript posts (the form's hidden Server Action fields plus the fields), so the endpoint
// under test is the real one, with no second code path to keep in step. Each post comes from
// its own client address (the last hop of X-Forwarded-For, as behind a proxy); the rate limit
// itself is tested separately below with a burst from one address.
import fc from "fast-check";
import type { z } from "zod";
import { applySchema } from "../../lib/applications/apply.schema";
import { volunteerSchema } from "../../lib/expansion/volunteer.schema";
import { contactSchema } from "../../lib/messages/contact.schema";
import { expect, test } from "./support/fixtures";

const RUNS = { apply: 4000, volunteer: 3000, contact: 3000 };

interface Endpoint {
  name: keyof typeof RUNS;
  path: string;
  formLabel: string;
  schema: z.ZodType;
  fields: Record<string, fc.Arbitrary<string>>;
}

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, "0"));
const validMobile = fc.oneof(digits(7).map((d) => `06-2${d}`), digits(7).map((d) => `+31 6 3${d}`), digits(6).map((d) => `+44 7911 ${d}`));

const ENDPOINTS: Endpoint[] = [
  {
    name: "apply",
    path: "/apply",
    formLabel: "Aanmeldformulier",
    schema: applySchema,
    fields: {
      name: fc.constantFrom("Anna de Vries", "Jan", "Ömer Yılmaz"),
      mobile: validMobile,
      street: fc.constantFrom("Kerkstraat", "Zuiderlaan", "Dorpsstraat", "kerk straat"),
      houseNumber: fc.constantFrom("1", "12a", "7 bis", "40"),
      postcode: fc.constantFrom("6951AB", "6953 ab", "1234AB"),
      email: fc.constantFrom("", "anna@example.org"),
      acceptRules: fc.constant("on"),
    },
  },
  {
    name: "volunteer",
    path: "/volunteer",
    formLabel: "Aanmelden als contactpersoon",
    schema: volunteerSchema,
    fields: {
      name: fc.constantFrom("Bert Smit", "Els"),
      mobile: validMobile,
      email: fc.constantFrom("bert@example.org", "els@example.net"),
      streets: fc.constantFrom("Zuiderlaan", "Kastanjelaan en Esdoornstraat"),
      remark: fc.constantFrom("", "Ik help graag."),
    },
  },
  {
    name: "contact",
    path: "/contact",
    formLabel: "Contactformulier",
    schema: contactSchema,
    fields: {
      name: fc.constantFrom("", "Cor"),
      replyTo: fc.constantFrom("", "cor@example.org"),
      body: fc.constantFrom("Wanneer word ik toegevoegd?", "Mag mijn buurman ook meedoen?"),
    },
  },
];

// Markup that must never come back unescaped; every piece carries "pwn" to be found again.
const INJECTIONS = ["<script>pwn()</script>", '"><img src=x onerror=pwn()>', "<pwn-tag>", "'><svg onload=pwn()>", "</textarea><pwn-tag>"];
const RAW_MARKUP = /<script>pwn|<img src=x onerror=pwn|<pwn-tag|<svg onload=pwn/i;
const HOSTILE = [
  ...INJECTIONS,
  "'; DROP TABLE \"Application\"; --",
  "1' OR '1'='1",
  "\u202Eevil\u202C",
  "Anna\u0000",
  "\uFEFFAnna",
  "Ａｎｎａ",
  "𝕬𝖓𝖓𝖆",
  "e\u0301\u0301\u0301",
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "%00%0d%0a",
  "\r\n\r\n",
  "null",
  "[object Object]",
  "06-12345678",
  "026-1234567",
];

/** Anything a hostile client might put in one field. */
const anyValue: fc.Arbitrary<string | string[] | "FILE" | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 200_000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 })).map(([a, b]) => `${b}${a}${b}`) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant("FILE" as const) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

interface Payload {
  fields: Record<string, string | string[] | "FILE" | undefined>;
  honeypot: string;
  keepToken: boolean;
}

function payloadFor(endpoint: Endpoint): fc.Arbitrary<Payload> {
  const fields = Object.fromEntries(
    Object.entries(endpoint.fields).map(([name, valid]) => [name, fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: anyValue })]),
  );
  return fc.record({
    fields: fc.record(fields),
    honeypot: fc.oneof({ weight: 19, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("http://spam.example", "<pwn-tag>") }),
    keepToken: fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
}

/** Would the server accept this as a person's form? (Spam guard intact, every field a single valid string.) */
function isValid(endpoint: Endpoint, payload: Payload): boolean {
  if (!payload.keepToken || payload.honeypot !== "") return false;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload.fields)) {
    if (value === "FILE" || Array.isArray(value)) return false;
    values[name] = value;
  }
  return endpoint.schema.safeParse(values).success;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden inputs of the form, exactly as a browser without JavaScript would send them. */
async function hiddenFields(base: string, endpoint: Endpoint, client: string): Promise<[string, string][]> {
  const html = await (await fetch(new URL(endpoint.path, base), { headers: { "x-forwarded-for": client } })).text();
  const form = new RegExp(`<form[^>]*aria-label="${endpoint.formLabel}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!form) throw new Error(`no form on ${endpoint.path}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

function body(hidden: [string, string][], payload: Payload): FormData {
  const data = new FormData();
  for (const [name, value] of hidden) if (payload.keepToken || name !== "formToken") data.append(name, value);
  data.append("website", payload.honeypot);
  for (const [name, value] of Object.entries(payload.fields)) {
    if (value === undefined) continue;
    if (value === "FILE") data.append(name, new Blob(["<pwn-tag>%PDF-1.4"], { type: "application/pdf" }), "x.pdf");
    else for (const v of [value].flat()) data.append(name, v);
  }
  return data;
}

let clients = 0;
/** A distinct client address per request (IPv6 documentation range). */
const nextClient = () => `2001:db8::${(++clients).toString(16)}`;

async function post(base: string, path: string, data: FormData, client: string, origin = base) {
  const response = await fetch(new URL(path, base), { method: "POST", body: data, redirect: "manual", headers: { origin: new URL(origin).origin, "x-forwarded-for": client } });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function rowCounts(db: import("pg").Client) {
  const { rows } = await db.query(`SELECT (SELECT count(*) FROM "Application")::int AS a, (SELECT count(*) FROM "ExpansionRequest")::int AS e, (SELECT count(*) FROM "Message")::int AS m`);
  return rows[0] as { a: number; e: number; m: number };
}

test("10,000 random and hostile posts: no 5xx, no row from an invalid one, no markup echoed", async ({ baseURL, db }) => {
  test.setTimeout(20 * 60_000);
  const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 1_000_000);
  console.log(`hostile payloads: fast-check seed ${seed}`);
  let total = 0;
  for (const endpoint of ENDPOINTS) {
    const hidden = await hiddenFields(baseURL!, endpoint, nextClient());
    await new Promise((r) => setTimeout(r, 1100)); // the form's token must be a second old
    const payloads = fc.sample(payloadFor(endpoint), { numRuns: RUNS[endpoint.name], seed: seed + total });
    const outcomes = { accepted: 0, refused: 0 };
    for (const payload of payloads) {
      const valid = isValid(endpoint, payload);
      const before = await rowCounts(db);
      const response = await post(baseURL!, endpoint.path, body(hidden, payload), nextClient());
      const after = await rowCounts(db);
      const context = `${endpoint.name} #${total}: ${JSON.stringify(payload).slice(0, 400)}`;
      expect(response.status, context).toBeLessThan(500);
      expect(RAW_MARKUP.test(response.text), `${context}\nechoed markup`).toBe(false);
      if (!valid) expect(after, `${context}\nstored a row`).toEqual(before);
      if (response.status === 303) outcomes.accepted++;
      else outcomes.refused++;
      total++;
    }
    console.log(`${endpoint.name}: ${payloads.length} posts, ${outcomes.accepted} accepted, ${outcomes.refused} refused`);
    // The generator must reach both sides, or the property says little.
    expect(outcomes.accepted).toBeGreaterThan(RUNS[endpoint.name] / 50);
    expect(outcomes.refused).toBeGreaterThan(RUNS[endpoint.name] / 5);
  }
  expect(total).toBe(10_000);
});

const QUESTION: Payload = { fields: { name: "", replyTo: "", body: "Een gewone vraag over de groep." }, honeypot: "", keepToken: true };

test("a burst from one client address is slowed down by the rate limit", async ({ baseURL, db }) => {
  const contact = ENDPOINTS.find((e) => e.name === "contact")!;
  const client = nextClient();
  const hidden = await hiddenFields(baseURL!, contact, client);
  await new Promise((r) => setTimeout(r, 1100));
  const statuses: number[] = [];
  let last = "";
  for (let i = 0; i < 12; i++) {
    const response = await post(baseURL!, contact.path, body(hidden, { ...QUESTION, fields: { ...QUESTION.fields, body: `Vraag ${i} ${client}` } }), client);
    statuses.push(response.status);
    last = response.text;
  }
  expect(statuses).toEqual([...Array(10).fill(303), 200, 200]);
  expect(last).toContain("Probeer het over 60 minuten opnieuw");
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`%${client}`]);
  expect(rows[0].n).toBe(10);
});

test("a form sent at once, a filled honeypot, or a post from `Origin: null` stores nothing", async ({ baseURL, db }) => {
  const contact = ENDPOINTS.find((e) => e.name === "contact")!;
  const marker = `marker-${Date.now()}`;
  const payload = { ...QUESTION, fields: { ...QUESTION.fields, body: `Vraag ${marker}` } };
  const count = async () => (await db.query(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`%${marker}`])).rows[0].n;

  // Sent within the minimum time: handed back to be sent again.
  const fast = await post(baseURL!, contact.path, body(await hiddenFields(baseURL!, contact, nextClient()), payload), nextClient());
  expect(fast.status).toBe(200);
  expect(fast.text).toContain("verstuur het formulier nog een keer");

  const hidden = await hiddenFields(baseURL!, contact, nextClient());
  await new Promise((r) => setTimeout(r, 1100));
  // A bot that fills the honeypot is shown the thank-you page, and nothing is stored.
  const bot = await post(baseURL!, contact.path, body(hidden, { ...payload, honeypot: "http://spam.example" }), nextClient());
  expect([bot.status, bot.location]).toEqual([303, "/contact/thanks"]);
  // Origin: null is only accepted on the private page (its token authorises); here it is refused.
  const data = body(hidden, payload);
  const refused = await fetch(new URL(contact.path, baseURL!), { method: "POST", body: data, redirect: "manual", headers: { origin: "null", "x-forwarded-for": nextClient() } });
  expect(refused.status).toBe(403);
  expect(await count()).toBe(0);

  // The same post, properly sent, is stored: the checks above were the reason.
  const ok = await post(baseURL!, contact.path, body(hidden, payload), nextClient());
  expect(ok.status).toBe(303);
  expect(await count()).toBe(1);
});
