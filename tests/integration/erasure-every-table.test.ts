// An erasure request reaches every table the processing register lists as holding personal
// data. The list of tables comes from the register (PERSONAL_DATA), not from this file: the
// person is planted in each, each plant is checked to be there before the erasure, and after it
// every table the erasure covers holds nothing of the person; the few tables it keeps by design
// (ERASURE_BY_TABLE's reasons) still hold exactly what they held. Both ways of erasing: a
// coordinator carrying out an erasure request, and the resident's own "wis mijn gegevens".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDay, privacyDueAt } from "@/lib/privacy/privacy-deadline";
import { erasePrivacySubject } from "@/lib/privacy/erase-privacy-subject";
import { ERASURE_BY_TABLE } from "@/lib/privacy/erase-subject-tables";
import { PERSONAL_DATA, personalColumns, type PersonalDataTable } from "@/lib/privacy/processing-register";
import { columnsErasedBy, erasedValues } from "@/lib/privacy/erasure-rules";
import { recordPrivacyRequest } from "@/lib/privacy/record-privacy-request";
import { numberHash } from "@/lib/privacy/blocked-numbers";
import { keyedHash } from "@/lib/crypto/keyed-hash";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import type { Tx } from "@/lib/db/scope";
import { eraseOwnApplication } from "@/lib/applications/own-application";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

/** One person per way of erasing, so the two runs cannot see each other's rows. */
function personFor(tag: "request" | "link") {
  const word = tag === "request" ? "Oostervelde" : "Westerbroek";
  const digits = tag === "request" ? "87654329" : "87654317";
  return {
    tag,
    name: `Wilhelmina ${word}`,
    mobile: `+316${digits}`,
    digits,
    street: `${word}laan`,
    houseNumber: 17,
    postcode: tag === "request" ? "6951OO" : "6951WB",
    email: `w.${word.toLowerCase()}@example.net`,
  };
}
type Person = ReturnType<typeof personFor>;
const OTHER = { name: "Gerrit Blijftstaan", mobile: "0612121234", email: "gerrit.blijft@example.net" };

type Row = Record<string, unknown>;
interface Plant {
  /** Puts the person in the table (as the service role). */
  plant: (tx: Tx, ctx: Ctx) => Promise<void>;
  /** Whether the table's rows hold the person. */
  holds: (rows: Row[], ctx: Ctx) => boolean;
}
interface Ctx {
  person: Person;
  applicationId: number;
  staffUserId: string;
  subareaId: number;
  reporterId: string;
}

/** Whether any row shows the person's name, number, e-mail address or postcode. */
const mentions = (rows: Row[], { person }: Ctx) => {
  const needles = [person.name.split(" ")[1]!.toLowerCase(), person.digits, person.email, person.postcode.toLowerCase()];
  return rows.some((row) => needles.some((n) => JSON.stringify(row).toLowerCase().includes(n)));
};

// Typed against the register: a table added there fails the type check until it is planted here.
const PLANTS = {
  Application: { plant: async () => {}, holds: mentions },
  ApplicationEvent: {
    plant: async (tx, c) => void (await tx.applicationEvent.create({ data: { applicationId: c.applicationId, actorKind: "RESIDENT", type: "CREATED", toStatus: "NEW" } })),
    holds: (rows, c) => rows.some((r) => r.applicationId === c.applicationId),
  },
  AuditEvent: {
    plant: async (tx, c) => void (await tx.auditEvent.create({ data: { actorKind: "SYSTEM", action: "application.created", subjectIds: [c.applicationId] } })),
    holds: (rows, c) => rows.some((r) => (r.subjectIds as number[]).includes(c.applicationId)),
  },
  OutboxMail: {
    plant: async (tx, { person: p, applicationId }) => {
      await enqueueMail(tx, { to: p.email, applicationId, template: "signIn", subject: "Bevestig", text: `Beste ${p.name}` });
      await enqueueMail(tx, { to: p.email.toUpperCase(), template: "signIn", subject: "Antwoord", text: "Ja." });
    },
    holds: mentions,
  },
  BlockedNumber: {
    plant: async (tx, { person: p }) => void (await tx.blockedNumber.create({ data: { hash: numberHash(p.mobile) } })),
    holds: (rows, { person: p }) => rows.some((r) => r.hash === numberHash(p.mobile)),
  },
  ExpansionRequest: {
    plant: async (tx, { person: p }) => void (await tx.expansionRequest.create({ data: { name: p.name, mobile: p.mobile, email: "anders@example.net", streets: "Spoorstraat" } })),
    holds: mentions,
  },
  Message: {
    plant: async (tx, { person: p }) => void (await tx.message.create({ data: { name: "W.", replyTo: p.email.toUpperCase(), body: "Vraagje" } })),
    holds: mentions,
  },
  ViolationReport: {
    plant: async (tx, c) =>
      void (await tx.violationReport.create({
        data: { applicationId: c.applicationId, subareaId: c.subareaId, reportedById: c.reporterId, reason: "OTHER", note: `${c.person.name} stuurt reclame` },
      })),
    holds: mentions,
  },
  MailDraft: {
    plant: async (tx, c) => {
      await tx.mailDraft.createMany({
        data: [
          // Found by its number as the mail wrote it, by its address, and by the mail's text alone.
          { createdById: c.reporterId, mailText: "Graag aanmelden", name: "W. O.", mobile: `06-${c.person.digits}` },
          { createdById: c.reporterId, mailText: "Aanmelding", email: c.person.email.toUpperCase() },
          { createdById: c.reporterId, mailText: `Van: ${c.person.email}\nIk wil meedoen` },
          { createdById: c.reporterId, mailText: `Ander (${c.person.tag})`, name: OTHER.name, mobile: OTHER.mobile },
        ],
      });
    },
    holds: mentions,
  },
  ImportBatch: {
    plant: async (tx, c) => {
      const header = "naam;mobiel;e-mail";
      const content = [header, `${c.person.name};06 ${c.person.digits};`, `${OTHER.name};${OTHER.mobile};${OTHER.email}`].join("\n");
      await tx.importBatch.create({ data: { createdById: c.reporterId, fileName: `lijst-${c.person.tag}.csv`, content, rowCount: 2 } });
      await tx.importBatch.create({ data: { createdById: c.reporterId, fileName: `een-${c.person.tag}.csv`, content: `${header}\nW.;;${c.person.email}`, rowCount: 1 } });
    },
    holds: mentions,
  },
  User: {
    // A colleague who lives here too, with the same address: their account is not the request's.
    plant: async (tx, c) =>
      void (await tx.user.create({ data: { id: c.staffUserId, email: c.person.email, name: c.person.name, role: "CONTACT_PERSON" } })),
    holds: mentions,
  },
  SubareaContact: {
    plant: async (tx, c) => void (await tx.subareaContact.create({ data: { userId: c.staffUserId, subareaId: c.subareaId } })),
    holds: (rows, c) => rows.some((r) => r.userId === c.staffUserId),
  },
  Session: {
    plant: async (tx, c) =>
      void (await tx.session.create({ data: { userId: c.staffUserId, sessionToken: `erasure-test-session-${c.person.tag}`, expires: new Date(Date.now() + 3_600_000) } })),
    holds: (rows, c) => rows.some((r) => r.userId === c.staffUserId),
  },
  VerificationToken: {
    plant: async (tx, { person: p }) => void (await tx.verificationToken.create({ data: { identifier: p.email, token: "erasure-test-token", expires: new Date(Date.now() + 3_600_000) } })),
    holds: mentions,
  },
  PrivacyRequest: {
    plant: async (tx, c) =>
      void (await tx.privacyRequest.create({
        data: { type: "RECTIFICATION", applicationId: c.applicationId, receivedAt: new Date(), dueAt: privacyDueAt(new Date()), note: `Nieuw adres ${c.person.street} 19, ${c.person.postcode}` },
      })),
    holds: mentions,
  },
  RateLimit: {
    plant: async (tx, { person: p }) => void (await consumeRateLimit(tx, { name: "sign-in:address", limit: 5, windowMs: 900_000 }, p.email)),
    holds: (rows, { person: p }) => rows.some((r) => String(r.key).endsWith(`:${keyedHash("rate-limit", p.email)}`)),
  },
} as const satisfies Record<PersonalDataTable, Plant>;

const TABLES = Object.keys(PERSONAL_DATA) as PersonalDataTable[];

let s: Seeded;
const rowsOf = (table: string) => s.db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`).then((rs) => rs.map((r) => JSON.parse(r.row) as Row));
async function holding(ctx: Ctx) {
  const out: Partial<Record<PersonalDataTable, boolean>> = {};
  for (const table of TABLES) out[table] = PLANTS[table].holds(await rowsOf(table), ctx);
  return out;
}

/** An application for the person, and the person planted in every table of the register. */
async function plantEverywhere(tag: "request" | "link"): Promise<Ctx> {
  const person = personFor(tag);
  const contact = await s.contact(1);
  const subareaId = contact.subareaIds[0]!;
  const { digits: _digits, tag: _tag, ...columns } = person;
  const applicationId = await s.service(
    async (tx) =>
      (
        await tx.application.create({
          data: { ...columns, status: "ASSIGNED", subareaId, rulesVersion: "2026-1", rulesAcceptedAt: new Date(), notes: `Via de mail, woont ${person.street} ${person.houseNumber}` },
          select: { id: true },
        })
      ).id,
  );
  const ctx: Ctx = { person, applicationId, subareaId, staffUserId: `erasure-test-colleague-${tag}`, reporterId: contact.userId };
  await s.service(async (tx) => {
    for (const table of TABLES) await PLANTS[table].plant(tx, ctx);
  });
  return ctx;
}

beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

it("covers every table of the register, by erasing it or by a stated reason to keep it", () => {
  expect(TABLES.length).toBeGreaterThan(10);
  expect(Object.keys(ERASURE_BY_TABLE).sort()).toEqual([...TABLES].sort());
  expect(Object.keys(PLANTS).sort()).toEqual([...TABLES].sort());
});

const WAYS = {
  // A coordinator carries out the person's erasure request.
  request: async (ctx: Ctx) => {
    const { id } = await recordPrivacyRequest(s.coordinator, { type: "ERASURE", receivedOn: localDay(new Date()), applicationId: ctx.applicationId });
    await erasePrivacySubject(s.coordinator, id);
  },
  // The resident presses "wis mijn gegevens" on their private page.
  link: async (ctx: Ctx) => void (await eraseOwnApplication(ctx.applicationId)),
} as const;

describe.each(Object.keys(WAYS) as (keyof typeof WAYS)[])("an erasure (%s), table by table as the processing register lists them", (way) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await plantEverywhere(way);
  });

  it("finds the person in every table before, and only in the tables kept by design after", async () => {
    const before = await holding(ctx);
    expect(Object.entries(before).filter(([, held]) => !held).map(([table]) => table)).toEqual([]);

    await WAYS[way](ctx);

    const after = await holding(ctx);
    const expected = Object.fromEntries(TABLES.map((table) => [table, "kept" in ERASURE_BY_TABLE[table]]));
    expect(after).toEqual(expected);
  });

  it("leaves the person's values in no column the register erases, read column by column from the register", async () => {
    const { person } = ctx;
    const needles = [person.name.split(" ")[1]!, person.digits, person.email, person.postcode, person.street].map((n) => n.toLowerCase());
    let checked = 0;
    for (const table of TABLES) {
      const kept = new Set(columnsErasedBy(table, "keep"));
      const columns = personalColumns(table).map(([column]) => column).filter((column) => !kept.has(column));
      if (columns.length === 0) continue;
      const rows = await s.db.query<Record<string, string | null>>(`SELECT ${columns.map((c) => `"${c}"::text AS "${c}"`).join(", ")} FROM "${table}"`);
      for (const row of rows) {
        for (const column of columns) {
          checked++;
          const value = (row[column] ?? "").toLowerCase();
          expect(needles.filter((n) => value.includes(n)), `${table}.${column}`).toEqual([]);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // The application's own row holds, in every column the register replaces, the erased value.
    const row = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: ctx.applicationId } }));
    const { anonymisedAt: _at, ...fixed } = erasedValues("Application");
    expect(row).toMatchObject(fixed);
    expect(row.anonymisedAt).not.toBeNull();
  });

  it("keeps the other people in a spreadsheet and in the intake mails, and the colleague's account", async () => {
    const batches = await s.service((tx) => tx.importBatch.findMany({ where: { fileName: { contains: `-${way}.csv` } }, select: { fileName: true, content: true, rowCount: true } }));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ fileName: `lijst-${way}.csv`, rowCount: 1 });
    expect(batches[0]!.content).toContain(OTHER.name);
    const drafts = await s.service((tx) => tx.mailDraft.findMany({ where: { mailText: `Ander (${way})` }, select: { name: true } }));
    expect(drafts).toEqual([{ name: OTHER.name }]);
    expect(await s.service((tx) => tx.user.count({ where: { id: ctx.staffUserId, active: true } }))).toBe(1);
  });
});
