// The audit trail records every disclosure, export and change — and not one name, number,
// address or e-mail address: this searches every audit row for all of the seeded ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { listApplications } from "@/lib/applications/list-applications";
import { getApplication } from "@/lib/applications/get-application";
import { exportApplications } from "@/lib/applications/export-applications";
import { changeStatus } from "@/lib/applications/change-status";
import { assignApplications, rejectApplications } from "@/lib/applications/bulk-update";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
  const contact1 = await s.contact(1);
  const q = applicationQuerySchema.parse({ size: 100 });
  const listed = await listApplications(contact1, q);
  await getApplication(contact1, listed.rows[0]!.id);
  await exportApplications(s.coordinator, q);
  const assigned = listed.rows.find((r) => r.status === "ASSIGNED")!;
  await changeStatus(contact1, { id: assigned.id, to: "ADDED", seen: { status: "ASSIGNED" } });
  const fresh = await s.service(async (tx) => (await tx.application.findMany({ where: { status: "NEW" }, take: 4, select: { id: true } })).map((r) => r.id));
  await assignApplications(s.coordinator, { ids: fresh.slice(0, 2), subareaId: s.subareaIds[0]! });
  await rejectApplications(s.coordinator, { ids: fresh.slice(2), reason: "OUTSIDE_AREA" });
});
afterAll(() => s.db.drop());

describe("the audit trail", () => {
  it("records disclosures to a contact person with who received which applications", async () => {
    const contact1 = await s.contact(1);
    const events = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "application.disclosed" } }));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.actorId === contact1.userId && e.actorRole === "CONTACT_PERSON" && e.subjectIds.length > 0)).toBe(true);
  });

  it("records the export with exactly the exported applications", async () => {
    const [event] = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "applications.exported" } }));
    expect(event!.subjectIds.length).toBe(Math.min(100_000, await s.service((tx) => tx.application.count())));
  });

  it("contains no name, mobile number, address or e-mail address of anyone", async () => {
    const people = await s.service((tx) => tx.application.findMany({ select: { name: true, mobile: true, street: true, houseNumber: true, postcode: true, email: true } }));
    const staff = await s.service((tx) => tx.user.findMany({ select: { name: true, email: true } }));
    const rows = await s.db.query<{ row: string }>(`SELECT row_to_json(e)::text AS row FROM "AuditEvent" e`);
    expect(rows.length).toBeGreaterThan(5);
    const haystack = rows.map((r) => r.row.toLowerCase()).join("\n");
    const needles = new Set<string>();
    for (const p of people) {
      needles.add(p.name.toLowerCase());
      needles.add(p.mobile);
      needles.add(p.mobile.slice(3));
      needles.add(`${p.street} ${p.houseNumber}`.toLowerCase());
      needles.add(p.postcode.toLowerCase());
      if (p.email) needles.add(p.email.toLowerCase());
    }
    for (const u of staff) {
      needles.add(u.email.toLowerCase());
      if (u.name) needles.add(u.name.toLowerCase());
    }
    const found = [...needles].filter((needle) => haystack.includes(needle));
    expect(found).toEqual([]);
  });

  it("cannot be changed by a coordinator (append-only)", async () => {
    await expect(
      s.db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL ROLE buurt_coordinator`);
        await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});
