/**
 * Writes the Dieren-West demo: subareas with sample rules, staff, applications in every status,
 * expansion requests and messages. Bulk rows go in with one INSERT … SELECT unnest(…) per batch,
 * so 100,000 applications take seconds, not minutes.
 */
import type { PrismaClient } from "../../lib/db/client";
import { inScope, type Tx } from "../../lib/db/scope";
import type { AddressRuleInput } from "../../lib/subareas/address";
import { RULES_VERSION } from "../../lib/applications/rules-version";
import { CONTACT_PERSONS, COORDINATOR, SUBAREAS } from "./dieren-west";
import { generateApplications, type GeneratedApplication, type SeedArea } from "./generate";

export const DEMO_APPLICATIONS = 320;
const BATCH = 10_000;

export interface SeedResult {
  applications: number;
  subareas: number;
  staff: number;
}

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return inScope(prisma, { role: "service" }, async (tx) => (await tx.subarea.count()) > 0);
}

/** Seeds an empty database. `applications` defaults to the demo's few hundred. */
export async function seedDemo(
  prisma: PrismaClient,
  { applications = DEMO_APPLICATIONS, log = (_: string) => {}, now = new Date() } = {},
): Promise<SeedResult> {
  const { areas, rules } = await inScope(prisma, { role: "service" }, async (tx) => {
    if ((await tx.subarea.count()) > 0) throw new Error("The database already holds data; seed only an empty database.");
    return seedStructure(tx);
  });
  log(`subareas and staff: ${areas.length} subareas, ${CONTACT_PERSONS.length + 1} staff`);

  for (let offset = 0; offset < applications; offset += BATCH) {
    const rows = generateApplications(Math.min(BATCH, applications - offset), areas, rules, { offset, now });
    await inScope(prisma, { role: "service" }, (tx) => insertApplications(tx, rows), { timeout: 120_000 });
    if (applications > BATCH) log(`applications: ${Math.min(offset + BATCH, applications)} of ${applications}`);
  }

  await inScope(prisma, { role: "service" }, (tx) => seedRequestsAndMessages(tx, now));
  return { applications, subareas: areas.length, staff: CONTACT_PERSONS.length + 1 };
}

async function seedStructure(tx: Tx): Promise<{ areas: SeedArea[]; rules: AddressRuleInput[] }> {
  const areas: SeedArea[] = [];
  const rules: AddressRuleInput[] = [];
  for (const subarea of SUBAREAS) {
    const created = await tx.subarea.create({
      data: {
        name: subarea.name,
        description: subarea.description,
        status: subarea.status,
        inviteLink: subarea.inviteLink,
        memberCount: subarea.memberCount,
        rules: { create: subarea.rules.map((rule) => ({ ...rule, parity: rule.parity ?? "ALL" })) },
      },
      include: { rules: true },
    });
    areas.push({ subarea, id: created.id });
    rules.push(...created.rules);
  }
  await tx.user.create({ data: { ...COORDINATOR, role: "COORDINATOR", emailVerified: new Date() } });
  for (const person of CONTACT_PERSONS) {
    await tx.user.create({
      data: {
        email: person.email,
        name: person.name,
        role: "CONTACT_PERSON",
        emailVerified: new Date(),
        subareas: { create: { subareaId: areas[person.subareaIndex]!.id } },
      },
    });
  }
  return { areas, rules };
}

const COLUMNS: [keyof GeneratedApplication, string][] = [
  ["name", "text"], ["mobile", "text"], ["street", "text"], ["houseNumber", "int"], ["houseNumberSuffix", "text"],
  ["postcode", "text"], ["email", "text"], ["locale", '"Locale"'], ["status", '"ApplicationStatus"'],
  ["rejectionReason", '"RejectionReason"'], ["source", '"ApplicationSource"'], ["subareaId", "int"],
  ["suggestedSubareaId", "int"], ["matchedRuleId", "int"], ["inGroup", "boolean"], ["createdAt", "timestamp(3)"],
  // After createdAt: the statement below refers to c6 (email) and c15 (createdAt) by position.
  ["houseLetter", "text"],
];

async function insertApplications(tx: Tx, rows: GeneratedApplication[]): Promise<void> {
  const names = COLUMNS.map(([column]) => `"${column}"`).join(", ");
  // Enums travel as text[] and are cast per element.
  const selects = COLUMNS.map(([, type], i) =>
    type.startsWith('"') ? `u.c${i}::${type}` : `u.c${i}`,
  ).join(", ");
  const arrays = COLUMNS.map(([, type], i) => `$${i + 1}::${type.startsWith('"') ? "text" : type}[]`).join(", ");
  const aliases = COLUMNS.map((_, i) => `c${i}`).join(", ");
  const params = COLUMNS.map(([column]) => rows.map((row) => row[column]));
  await tx.$executeRawUnsafe(
    `WITH inserted AS (
       INSERT INTO "Application" (${names}, "rulesVersion", "rulesAcceptedAt", "statusChangedAt", "updatedAt", "emailConfirmedAt")
       SELECT ${selects}, '${RULES_VERSION}', u.c15, u.c15, u.c15, CASE WHEN u.c6 IS NULL THEN NULL ELSE u.c15 END
       FROM unnest(${arrays}) AS u(${aliases})
       RETURNING id, status, "createdAt"
     )
     INSERT INTO "ApplicationEvent" ("applicationId", at, "actorKind", type, "toStatus")
     SELECT id, "createdAt", 'RESIDENT', 'CREATED', status FROM inserted`,
    ...params,
  );
}

async function seedRequestsAndMessages(tx: Tx, now: Date): Promise<void> {
  const day = 86_400_000;
  await tx.expansionRequest.createMany({
    data: [
      {
        name: "Voorbeeld Vrijwilliger",
        mobile: "+31687654321",
        email: "vrijwilliger@example.net",
        streets: "Zuiderlaan en Kastanjelaan",
        remark: "Ik wil graag helpen een groep te starten.",
        createdAt: new Date(now.getTime() - 2 * day),
      },
      {
        name: "Sample Volunteer",
        mobile: "+31611112222",
        email: "volunteer@example.net",
        streets: "Esdoornstraat",
        locale: "en",
        status: "IN_CONTACT",
        notes: "Gebeld; komt terug na overleg met de buren.",
        createdAt: new Date(now.getTime() - 9 * day),
      },
    ],
  });
  await tx.message.createMany({
    data: [
      { name: "Bewoner Kerkstraat", replyTo: "vraag@example.net", body: "Kan mijn partner ook in de groep?", createdAt: new Date(now.getTime() - day) },
      { body: "Er hangen nog geen borden bij de ingang van de wijk.", createdAt: new Date(now.getTime() - 3 * day) },
      {
        name: "Resident",
        replyTo: "question@example.net",
        body: "Is there an English-speaking group?",
        locale: "en",
        status: "ANSWERED",
        answeredAt: new Date(now.getTime() - 5 * day),
        createdAt: new Date(now.getTime() - 6 * day),
      },
    ],
  });
}
