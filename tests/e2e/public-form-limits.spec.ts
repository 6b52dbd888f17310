// Issue 11 item 5: the per-client limits of the public forms cannot be dodged with a forged
// X-Forwarded-For, and one served form is accepted once.
import { expect, test } from "./support/fixtures";
import { hiddenFields, letTokenMature, postForm } from "./support/raw-forms";

const CONTACT = { path: "/contact", label: "Contactformulier" };

function question(hidden: [string, string][], body: string): FormData {
  const data = new FormData();
  for (const [name, value] of hidden) data.append(name, value);
  for (const [name, value] of Object.entries({ website: "", name: "", replyTo: "", body })) data.append(name, value);
  return data;
}

/** A loopback source address of its own for this run: a client that reaches the app directly. */
const directClient = () => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

test("a client that reaches the app directly gets no fresh allowance from a forged X-Forwarded-For", async ({ baseURL, db }) => {
  const client = directClient();
  const marker = `forged-${Date.now()}`;
  const forms = [];
  for (let i = 0; i < 11; i++) forms.push(await hiddenFields(baseURL!, CONTACT.path, CONTACT.label, client));
  await letTokenMature();
  const statuses: number[] = [];
  let last = "";
  for (let i = 0; i < 11; i++) {
    // Every post claims to come from somewhere else.
    const response = await postForm(baseURL!, CONTACT.path, question(forms[i]!, `Vraag ${i} ${marker}`), client, 30_000, { "x-forwarded-for": `198.51.100.${i + 1}` });
    statuses.push(response.status);
    last = response.text;
  }
  expect(statuses).toEqual([...Array(10).fill(303), 200]);
  expect(last).toContain("Probeer het over 60 minuten opnieuw");
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`%${marker}`]);
  expect(rows[0].n).toBe(10);
});

test("a served form is accepted once: the replayed token is refused and stores nothing", async ({ baseURL, db }) => {
  const marker = `replay-${Date.now()}`;
  const hidden = await hiddenFields(baseURL!, CONTACT.path, CONTACT.label, "203.0.113.201");
  await letTokenMature();
  const first = await postForm(baseURL!, CONTACT.path, question(hidden, `Vraag ${marker}`), "203.0.113.201");
  expect([first.status, first.location]).toEqual([303, "/contact/thanks"]);
  // The same token again, even from another address and with another text.
  const again = await postForm(baseURL!, CONTACT.path, question(hidden, `Nog een vraag ${marker}`), "203.0.113.202");
  expect(again.status).toBe(200);
  expect(again.text).toContain("Dit formulier is al verstuurd");
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Message" WHERE body LIKE $1`, [`%${marker}`]);
  expect(rows[0].n).toBe(1);
});
