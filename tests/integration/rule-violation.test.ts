// Removal for breaking the group rules: the number is kept only as a keyed hash, so a repeat
// application can be flagged; the person stays a removal task while in the group, and once
// removed their data is erased on the normal schedule — the plain number with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { rejectApplications } from "@/lib/applications/bulk-update";
import { changeStatus } from "@/lib/applications/change-status";
import { listApplications } from "@/lib/applications/list-applications";
import { parseConfig } from "@/lib/config/env";
import { isBlockedNumber } from "@/lib/privacy/blocked-numbers";
import { purge } from "@/lib/privacy/purge";
import { wholeDatabaseText } from "../helpers/database-snapshot";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

describe("a rejection for a rule violation", () => {
  it("blocks the number as a keyed hash, keeps a removal task, and erases the person on schedule", async () => {
    const contact1 = await s.contact(1);
    const member = await s.service((tx) =>
      tx.application.findFirstOrThrow({ where: { status: "ADDED", inGroup: true, subareaId: { in: [...contact1.subareaIds] } }, select: { id: true, version: true, mobile: true, name: true } }),
    );
    expect(await s.service((tx) => isBlockedNumber(tx, member.mobile))).toBe(false);
    await changeStatus(s.coordinator, { id: member.id, to: "REJECTED", reason: "RULE_VIOLATION", seen: { version: member.version } });

    expect(await s.service((tx) => isBlockedNumber(tx, member.mobile))).toBe(true);
    const blocked = await s.db.query<{ hash: string }>(`SELECT hash FROM "BlockedNumber"`);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.hash).not.toContain(member.mobile.slice(3));
    const [audit] = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "application.status_changed", subjectIds: { has: member.id } } }));
    expect(audit!.meta).toMatchObject({ to: "REJECTED", reason: "RULE_VIOLATION", numberBlocked: true });

    // Still in the group: the contact person sees them, to remove them.
    const tasks = await listApplications(contact1, applicationQuerySchema.parse({ size: 100, status: "REJECTED" }));
    expect(tasks.rows.map((r) => r.id)).toContain(member.id);

    // Removed from the group; past the rejected period the purge erases everything but the hash.
    await s.service((tx) => tx.application.update({ where: { id: member.id }, data: { inGroup: false }, select: { id: true } }));
    const later = new Date(Date.now() + 31 * 86_400_000);
    await purge(s.db.prisma, { now: later, cfg: parseConfig({ NODE_ENV: "test" }) });
    const text = await wholeDatabaseText(s.db.query);
    expect(text).not.toContain(member.mobile);
    expect(text).not.toContain(member.name.toLowerCase());
    expect(await s.service((tx) => isBlockedNumber(tx, member.mobile))).toBe(true);
  });

  it("blocks the numbers of a bulk rejection too, and only for that reason", async () => {
    const rows = await s.service((tx) => tx.application.findMany({ where: { status: "NEW" }, take: 3, orderBy: { id: "asc" }, select: { id: true, mobile: true } }));
    await rejectApplications(s.coordinator, { ids: [rows[0]!.id, rows[1]!.id], reason: "RULE_VIOLATION" });
    await rejectApplications(s.coordinator, { ids: [rows[2]!.id], reason: "SPAM" });
    expect(await s.service(async (tx) => Promise.all(rows.map((r) => isBlockedNumber(tx, r.mobile))))).toEqual([true, true, false]);
  });
});
