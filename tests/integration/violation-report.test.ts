// A contact person reports a rule violation: the coordinator sees it and decides; the central
// mailbox gets a notice without names, numbers or the typed note; the contact person cannot
// read reports, nor file one about someone outside their own group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { config } from "@/lib/config/env";
import { inScope } from "@/lib/db/scope";
import { NotFoundError } from "@/lib/errors";
import { reportViolation } from "@/lib/group/report-violation";
import { handleViolationReport, listOpenViolationReports } from "@/lib/group/violation-reports";
import { violationSchema } from "@/lib/group/group.schema";
import { eraseApplication } from "@/lib/privacy/erase-application";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
let sub1: number;
let sub2: number;
let member: { id: number; name: string; mobile: string };

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  [sub1, sub2] = s.subareaIds as [number, number];
  member = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ADDED" }, select: { id: true, name: true, mobile: true } }));
});
afterAll(() => s.db.drop());

const NOTE = "Stuurt elke avond grappige filmpjes";

describe("reporting a rule violation", () => {
  it("stores a report the coordinator sees, with reason code and note", async () => {
    await reportViolation(contact1, { id: member.id, reason: "SOCIAL_MESSAGES", note: NOTE });
    const reports = await listOpenViolationReports(s.coordinator);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      reason: "SOCIAL_MESSAGES",
      note: NOTE,
      subarea: { id: sub1, name: "Deelgebied 1 – Noordwest" },
      application: { id: member.id, name: member.name, status: "ADDED" },
    });
    const stored = await s.service((tx) => tx.violationReport.findFirstOrThrow({ where: { applicationId: member.id } }));
    expect(stored).toMatchObject({ reportedById: contact1.userId, status: "OPEN" });
  });

  it("mails the central mailbox a notice without name, number or note", async () => {
    const mails = await s.service((tx) => tx.outboxMail.findMany({ where: { template: "violationReported" } }));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toBe(config().MAILBOX_ADDRESS);
    expect(mail.applicationId).toBeNull();
    expect(mail.subject).toContain("Deelgebied 1 – Noordwest");
    expect(mail.text).toContain("berichten die niet over veiligheid gaan");
    expect(mail.text).toContain(`nummer ${member.id}`);
    expect(mail.text).toContain("/staff/violations");
    for (const secret of [member.name, member.mobile, member.mobile.slice(3), NOTE]) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
  });

  it("is in the audit trail with the reason code only", async () => {
    const event = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "application.violation_reported" } }));
    expect(event).toMatchObject({ actorId: contact1.userId, subjectIds: [member.id], meta: { reason: "SOCIAL_MESSAGES", subareaId: sub1 } });
    expect(JSON.stringify(event.meta)).not.toContain(NOTE);
  });

  it("is not found for someone of another subarea or not in the group, and stores nothing", async () => {
    const foreign = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ADDED" }, select: { id: true } }));
    const assigned = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ASSIGNED" }, select: { id: true } }));
    await expect(reportViolation(contact1, { id: foreign.id, reason: "OFFENSIVE" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reportViolation(contact1, { id: assigned.id, reason: "OFFENSIVE" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await s.service((tx) => tx.violationReport.count())).toBe(1);
  });

  it("cannot be read, nor filed about another subarea, by the contact role at the database", async () => {
    const contactScope = { role: "contact" as const, userId: contact1.userId, subareaIds: [sub1] };
    await expect(inScope(s.db.prisma, contactScope, (tx) => tx.violationReport.findMany())).rejects.toThrow(/permission denied/);
    const foreign = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ADDED" }, select: { id: true } }));
    await expect(
      inScope(s.db.prisma, contactScope, (tx) =>
        tx.violationReport.createMany({ data: { applicationId: foreign.id, subareaId: sub1, reportedById: contact1.userId, reason: "OTHER" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inScope(s.db.prisma, contactScope, (tx) =>
        tx.violationReport.createMany({ data: { applicationId: member.id, subareaId: sub1, reportedById: "someone-else", reason: "OTHER" } }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("takes a reason code and at most a short note", () => {
    expect(violationSchema.parse({ id: "3", reason: "OTHER", note: "  " })).toEqual({ id: 3, reason: "OTHER" });
    expect(violationSchema.safeParse({ id: "3", reason: "OTHER", note: "x".repeat(201) }).success).toBe(false);
    expect(violationSchema.safeParse({ id: "3", reason: "Hij scheldt" }).success).toBe(false);
  });

  it("is closed by the coordinator, and only by them", async () => {
    const [report] = await listOpenViolationReports(s.coordinator);
    await expect(handleViolationReport(contact1, report!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOpenViolationReports(contact1)).rejects.toBeInstanceOf(NotFoundError);
    await handleViolationReport(s.coordinator, report!.id);
    expect(await listOpenViolationReports(s.coordinator)).toEqual([]);
    expect(await s.service((tx) => tx.violationReport.findUniqueOrThrow({ where: { id: report!.id } }))).toMatchObject({
      status: "HANDLED",
      handledById: s.coordinator.userId,
    });
    await expect(handleViolationReport(s.coordinator, report!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("loses its note when the resident erases their data", async () => {
    await inScope(s.db.prisma, { role: "resident", applicationId: member.id }, (tx) => eraseApplication(tx, member.id));
    const report = await s.service((tx) => tx.violationReport.findFirstOrThrow({ where: { applicationId: member.id } }));
    expect(report.note).toBeNull();
    expect(report.reason).toBe("SOCIAL_MESSAGES");
  });
});
