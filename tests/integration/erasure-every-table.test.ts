// An erasure request reaches every table the processing register lists as holding personal
// data. The list of tables comes from the register (PERSONAL_DATA), not from this file: the
// person is planted in each, each plant is checked to be there before the erasure, and after it
// every table the erasure covers holds nothing of the person; the few tables it keeps by design
// (ERASURE_BY_TABLE's reasons) still hold exactly what they held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDay, privacyDueAt } from "@/lib/privacy/privacy-deadline";
import { erasePrivacySubject } from "@/lib/privacy/erase-privacy-subject";
import { ERASURE_BY_TABLE } from "@/lib/privacy/erase-subject-tables";
import { PERSONAL_DATA, type PersonalDataTable } from "@/lib/privacy/processing-register";
import { recordPrivacyRequest } from "@/lib/privacy/record-privacy-request";
import { numberHash } from "@/lib/privacy/blocked-numbers";
import { keyedHash } from "@/lib/crypto/keyed-hash";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import type { Tx } from "@/lib/db/scope";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const PERSON = {
  name: "Wilhelmina Oostervelde",
  mobile: "+31687654329",
  street: "Oosterveldelaan",
  houseNumber: 17,
  postcode: "6951OO",
  email: "w.oostervelde@example.net",
};
/** What of the person can be seen in a row, as lower-case text. */
const NEEDLES = ["oostervelde", "87654329", PERSON.email, PERSON.postcode.toLowerCase()];
const OTHER = { name: "Gerrit Blijftstaan", mobile: "0612121234", email: "gerrit.blijft@example.net" };

type Row = Record<string, unknown>;
interface Plant {
  /** Puts the person in the table (as the service role). */
  plant: (tx: Tx, ctx: Ctx) => Promise<void>;
  /** Whether the table's rows hold the person. */
  holds: (rows: Row[], ctx: Ctx) => boolean;
}
interface Ctx {
  applicationId: number;
  staffUserId: string;
  subareaId: number;
  reporterId: string;
}

const mentions = (rows: Row[]) => rows.some((row) => NEEDLES.some((n) => JSON.stringify(row).toLowerCase().includes(n)));

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
    plant: async (tx, c) => {
      await enqueueMail(tx, { to: PERSON.email, applicationId: c.applicationId, template: "signIn", subject: "Bevestig", text: `Beste ${PERSON.name}` });
      await enqueueMail(tx, { to: PERSON.email.toUpperCase(), template: "signIn", subject: "Antwoord", text: "Ja." });
    },
    holds: mentions,
  },
  BlockedNumber: {
    plant: async (tx) => void (await tx.blockedNumber.create({ data: { hash: numberHash(PERSON.mobile) } })),
    holds: (rows) => rows.some((r) => r.hash === numberHash(PERSON.mobile)),
  },
  ExpansionRequest: {
    plant: async (tx) => void (await tx.expansionRequest.create({ data: { name: PERSON.name, mobile: PERSON.mobile, email: "anders@example.net", streets: "Spoorstraat" } })),
    holds: mentions,
  },
  Message: {
    plant: async (tx) => void (await tx.message.create({ data: { name: "W.", replyTo: PERSON.email.toUpperCase(), body: "Vraagje" } })),
    holds: mentions,
  },
  ViolationReport: {
    plant: async (tx, c) =>
      void (await tx.violationReport.create({
        data: { applicationId: c.applicationId, subareaId: c.subareaId, reportedById: c.reporterId, reason: "OTHER", note: `${PERSON.name} stuurt reclame` },
      })),
    holds: mentions,
  },
  MailDraft: {
    plant: async (tx, c) => {
      await tx.mailDraft.createMany({
        data: [
          // Found by its number as the mail wrote it, by its address, and by the mail's text alone.
          { createdById: c.reporterId, mailText: "Graag aanmelden", name: "W. O.", mobile: "06-87654329" },
          { createdById: c.reporterId, mailText: "Aanmelding", email: PERSON.email.toUpperCase() },
          { createdById: c.reporterId, mailText: `Van: ${PERSON.email}\nIk wil meedoen` },
          { createdById: c.reporterId, mailText: "Ander", name: OTHER.name, mobile: OTHER.mobile },
        ],
      });
    },
    holds: mentions,
  },
  ImportBatch: {
    plant: async (tx, c) => {
      const header = "naam;mobiel;e-mail";
      const content = [header, `${PERSON.name};06 87654329;`, `${OTHER.name};${OTHER.mobile};${OTHER.email}`].join("\n");
      await tx.importBatch.create({ data: { createdById: c.reporterId, fileName: "lijst.csv", content, rowCount: 2 } });
      await tx.importBatch.create({ data: { createdById: c.reporterId, fileName: "een.csv", content: `${header}\nW.;;${PERSON.email}`, rowCount: 1 } });
    },
    holds: mentions,
  },
  User: {
    // A colleague who lives here too, with the same address: their account is not the request's.
    plant: async (tx, c) =>
      void (await tx.user.create({ data: { id: c.staffUserId, email: PERSON.email, name: PERSON.name, role: "CONTACT_PERSON" } })),
    holds: mentions,
  },
  SubareaContact: {
    plant: async (tx, c) => void (await tx.subareaContact.create({ data: { userId: c.staffUserId, subareaId: c.subareaId } })),
    holds: (rows, c) => rows.some((r) => r.userId === c.staffUserId),
  },
  Session: {
    plant: async (tx, c) =>
      void (await tx.session.create({ data: { userId: c.staffUserId, sessionToken: "erasure-test-session", expires: new Date(Date.now() + 3_600_000) } })),
    holds: (rows, c) => rows.some((r) => r.userId === c.staffUserId),
  },
  VerificationToken: {
    plant: async (tx) => void (await tx.verificationToken.create({ data: { identifier: PERSON.email, token: "erasure-test-token", expires: new Date(Date.now() + 3_600_000) } })),
    holds: mentions,
  },
  PrivacyRequest: {
    plant: async (tx, c) =>
      void (await tx.privacyRequest.create({
        data: { type: "RECTIFICATION", applicationId: c.applicationId, receivedAt: new Date(), dueAt: privacyDueAt(new Date()), note: `Nieuw adres ${PERSON.street} 19, ${PERSON.postcode}` },
      })),
    holds: mentions,
  },
  RateLimit: {
    plant: async (tx) => void (await consumeRateLimit(tx, { name: "sign-in:address", limit: 5, windowMs: 900_000 }, PERSON.email)),
    holds: (rows) => rows.some((r) => String(r.key).endsWith(`:${keyedHash("rate-limit", PERSON.email)}`)),
  },
} as const satisfies Record<PersonalDataTable, Plant>;

const TABLES = Object.keys(PERSONAL_DATA) as PersonalDataTable[];

let s: Seeded;
let ctx: Ctx;
let requestId: number;
const rowsOf = (table: string) => s.db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`).then((rs) => rs.map((r) => JSON.parse(r.row) as Row));
const holding = async () => {
  const out: Partial<Record<PersonalDataTable, boolean>> = {};
  for (const table of TABLES) out[table] = PLANTS[table].holds(await rowsOf(table), ctx);
  return out;
};

beforeAll(async () => {
  s = await createSeededDatabase();
  const contact = await s.contact(1);
  const subareaId = contact.subareaIds[0]!;
  const applicationId = await s.service(
    async (tx) =>
      (
        await tx.application.create({
          data: { ...PERSON, status: "ASSIGNED", subareaId, rulesVersion: "2026-1", rulesAcceptedAt: new Date(), notes: "Via de mail" },
          select: { id: true },
        })
      ).id,
  );
  ctx = { applicationId, subareaId, staffUserId: "erasure-test-colleague", reporterId: contact.userId };
  await s.service(async (tx) => {
    for (const table of TABLES) await PLANTS[table].plant(tx, ctx);
  });
  requestId = (await recordPrivacyRequest(s.coordinator, { type: "ERASURE", receivedOn: localDay(new Date()), applicationId })).id;
});
afterAll(() => s.db.drop());

describe("an erasure request, table by table as the processing register lists them", () => {
  it("covers every table of the register, by erasing it or by a stated reason to keep it", () => {
    expect(TABLES.length).toBeGreaterThan(10);
    expect(Object.keys(ERASURE_BY_TABLE).sort()).toEqual([...TABLES].sort());
    expect(Object.keys(PLANTS).sort()).toEqual([...TABLES].sort());
  });

  it("finds the person in every table before, and only in the tables kept by design after", async () => {
    const before = await holding();
    expect(Object.entries(before).filter(([, held]) => !held).map(([table]) => table)).toEqual([]);

    await erasePrivacySubject(s.coordinator, requestId);

    const after = await holding();
    const expected = Object.fromEntries(TABLES.map((table) => [table, "kept" in ERASURE_BY_TABLE[table]]));
    expect(after).toEqual(expected);
  });

  it("keeps the other people in a spreadsheet and in the intake mails", async () => {
    const batches = await s.service((tx) => tx.importBatch.findMany({ select: { fileName: true, content: true, rowCount: true } }));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ fileName: "lijst.csv", rowCount: 1 });
    expect(batches[0]!.content).toContain(OTHER.name);
    const drafts = await s.service((tx) => tx.mailDraft.findMany({ select: { name: true } }));
    expect(drafts).toEqual([{ name: OTHER.name }]);
    const staff = await s.service((tx) => tx.user.count({ where: { id: ctx.staffUserId, active: true } }));
    expect(staff).toBe(1);
  });
});
