import Papa from "papaparse";
import type { Tx } from "../db/scope";
import { keyedHash } from "../crypto/keyed-hash";
import { parseCsv } from "../intake/parse-csv";
import { parseMobile } from "../phone/mobile";
import type { PersonalDataTable } from "./processing-register";
import { erasedValues, keptByRegister, type KeptTable } from "./erasure-rules";

/** Who is being erased: their application and how they can be recognised elsewhere. */
export interface ErasureSubject {
  applicationId: number;
  /** As stored on the application, or null. Compared without regard to case. */
  email: string | null;
  /** E.164, or null once erased. */
  mobile: string | null;
}

/** Erases the subject from one table; returns how many rows were deleted or cleared. */
type Eraser = (tx: Tx, subject: ErasureSubject) => Promise<number>;
/** A table an erasure request leaves as it is, and why: the register's keep reasons (keptByRegister). */
type Kept = { kept: string };
/** A table erased by the caller itself, before the erasers run. */
type ErasedFirst = { erasedBy: string };

const sameText = (a: string | null | undefined, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const sameMobile = (input: string | null | undefined, e164: string | null) => {
  if (!input || !e164) return false;
  const parsed = parseMobile(input);
  return parsed.ok && parsed.e164 === e164;
};
const isSubject = (cell: string, s: ErasureSubject) => sameText(cell, s.email) || sameMobile(cell, s.mobile);

/**
 * Removes the subject's rows (a cell holding their e-mail address or number) from an uploaded
 * spreadsheet still waiting to be imported; a file with no rows left goes altogether.
 */
async function eraseFromImportBatches(tx: Tx, s: ErasureSubject): Promise<number> {
  if (!s.email && !s.mobile) return 0;
  let erased = 0;
  for (const batch of await tx.importBatch.findMany({ select: { id: true, content: true } })) {
    const parsed = parseCsv(batch.content);
    if (!parsed.ok) continue;
    const { header, rows, delimiter } = parsed.table;
    const kept = rows.filter((row) => !row.some((cell) => isSubject(cell, s)));
    if (kept.length === rows.length) continue;
    erased += rows.length - kept.length;
    const rowCount = kept.filter((row) => row.length > 0).length;
    if (rowCount === 0) await tx.importBatch.deleteMany({ where: { id: batch.id } });
    else await tx.importBatch.updateMany({ where: { id: batch.id }, data: { content: Papa.unparse([header, ...kept], { delimiter }), rowCount } });
  }
  return erased;
}

/** A mail waiting in intake that is from or about the subject: by its fields or its text. */
async function eraseFromMailDrafts(tx: Tx, s: ErasureSubject): Promise<number> {
  if (!s.email && !s.mobile) return 0;
  const drafts = await tx.mailDraft.findMany({ select: { id: true, email: true, mobile: true, mailText: true } });
  const ids = drafts
    .filter((d) => sameText(d.email, s.email) || sameMobile(d.mobile, s.mobile) || (!!s.email && d.mailText.toLowerCase().includes(s.email.trim().toLowerCase())))
    .map((d) => d.id);
  return ids.length ? (await tx.mailDraft.deleteMany({ where: { id: { in: ids } } })).count : 0;
}

const byEmail = <F extends string>(field: F, s: ErasureSubject) => (s.email ? [{ [field]: { equals: s.email.trim(), mode: "insensitive" as const } }] : []);

/**
 * What an erasure request does to every table the processing register lists as holding
 * personal data: how the subject's rows are found, and the register's erase rule for their
 * columns (erasure-rules.ts). Typed against the register: a table whose columns are all kept
 * there must be Kept here (with the register's reasons), any other needs an eraser, so a
 * column whose rule changes fails the type check until its rows are found here. The
 * application itself is erased in place by `eraseApplication` before these run (the caller
 * does that, as it also decides about a person still in a group).
 */
export const ERASURE_BY_TABLE = {
  Application: { erasedBy: "eraseApplication, in place: an anonymous row remains so counts add up" },
  ApplicationEvent: keptByRegister("ApplicationEvent"),
  AuditEvent: keptByRegister("AuditEvent"),
  OutboxMail: async (tx, s) =>
    (await tx.outboxMail.deleteMany({ where: { OR: [{ applicationId: s.applicationId }, ...byEmail("to", s)] } })).count,
  BlockedNumber: keptByRegister("BlockedNumber"),
  ExpansionRequest: async (tx, s) => {
    const offers = [...byEmail("email", s), ...(s.mobile ? [{ mobile: s.mobile }] : [])];
    return offers.length ? (await tx.expansionRequest.deleteMany({ where: { OR: offers } })).count : 0;
  },
  Message: async (tx, s) => (s.email ? (await tx.message.deleteMany({ where: { OR: byEmail("replyTo", s) } })).count : 0),
  // The report stays, about an anonymous row; the contact person's free-text note goes.
  ViolationReport: async (tx, s) =>
    (await tx.violationReport.updateMany({ where: { applicationId: s.applicationId, note: { not: null } }, data: erasedValues("ViolationReport") })).count,
  MailDraft: eraseFromMailDrafts,
  ImportBatch: eraseFromImportBatches,
  User: keptByRegister("User"),
  SubareaContact: keptByRegister("SubareaContact"),
  Session: keptByRegister("Session"),
  VerificationToken: async (tx, s) => (s.email ? (await tx.verificationToken.deleteMany({ where: { OR: byEmail("identifier", s) } })).count : 0),
  PrivacyRequest: async (tx, s) =>
    (await tx.privacyRequest.updateMany({ where: { applicationId: s.applicationId, note: { not: null } }, data: erasedValues("PrivacyRequest") })).count,
  // Rate-limit counters keyed by the address's keyed hash (sign-in by e-mail).
  RateLimit: async (tx, s) => {
    if (!s.email) return 0;
    const hashes = [...new Set([s.email, s.email.trim().toLowerCase()])].map((e) => keyedHash("rate-limit", e));
    return (await tx.rateLimit.deleteMany({ where: { OR: hashes.map((h) => ({ key: { endsWith: `:${h}` } })) } })).count;
  },
} as const satisfies { [T in PersonalDataTable]: T extends KeptTable ? Kept : Eraser | ErasedFirst };

/** Runs every eraser of ERASURE_BY_TABLE; returns the rows erased per table (kept tables left out). */
export async function eraseSubjectEverywhere(tx: Tx, subject: ErasureSubject): Promise<Partial<Record<PersonalDataTable, number>>> {
  const counts: Partial<Record<PersonalDataTable, number>> = {};
  for (const [table, rule] of Object.entries(ERASURE_BY_TABLE) as [PersonalDataTable, Eraser | Kept | ErasedFirst][]) {
    if (typeof rule === "function") counts[table] = await rule(tx, subject);
  }
  return counts;
}
