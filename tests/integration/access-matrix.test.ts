// The minimum-data matrix (lib/access/application-dto.ts, docs/security.md), function by function: a coordinator gets full records;
// contact-1 gets exactly { id, name, mobile, status } and only for subarea 1; anything of
// subarea 2 is "not found" by every route in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { getApplication } from "@/lib/applications/get-application";
import { listApplications } from "@/lib/applications/list-applications";
import { exportApplications } from "@/lib/applications/export-applications";
import { acceptSuggestions, assignApplications, rejectApplications } from "@/lib/applications/bulk-update";
import { changeStatus } from "@/lib/applications/change-status";
import { getOverview } from "@/lib/overview/get-overview";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditQuerySchema } from "@/lib/audit/audit-query.schema";
import { deactivateStaff, setStaffSubareas } from "@/lib/staff/update-staff";
import { NotFoundError, TransitionError } from "@/lib/errors";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const CONTACT_KEYS = ["id", "mobile", "name", "status"];
const query = (q: Record<string, unknown> = {}) => applicationQuerySchema.parse({ size: 100, ...q });

let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
let sub1: number;
let sub2: number;
let own: { id: number; name: string; mobile: string; status: string };
let foreign: { id: number; name: string; mobile: string; street: string };
let ownNew: { id: number };

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  [sub1, sub2] = s.subareaIds as [number, number];
  own = (await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ASSIGNED" }, select: { id: true, name: true, mobile: true, status: true } })));
  foreign = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ASSIGNED" }, select: { id: true, name: true, mobile: true, street: true } }));
  ownNew = await s.service((tx) => tx.application.findFirstOrThrow({ where: { suggestedSubareaId: sub1, status: "NEW" }, select: { id: true } }));
});
afterAll(() => s.db.drop());

describe("getApplication", () => {
  it("gives a coordinator the full record with address, e-mail, notes and history", async () => {
    const record = await getApplication(s.coordinator, foreign.id);
    expect(record).toMatchObject({ id: foreign.id, street: foreign.street });
    for (const key of ["postcode", "email", "notes", "events", "houseNumber"]) expect(record).toHaveProperty(key);
  });

  it("gives contact-1 exactly id, name, mobile and status of their own subarea's person", async () => {
    const record = await getApplication(contact1, own.id);
    expect(Object.keys(record).sort()).toEqual(CONTACT_KEYS);
    expect(record).toStrictEqual(own);
  });

  it("answers not found to contact-1 for subarea 2, for a NEW application and for a missing id", async () => {
    await expect(getApplication(contact1, foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplication(contact1, ownNew.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplication(contact1, 9_999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplication(s.coordinator, 9_999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listApplications and search", () => {
  it("gives contact-1 only subarea-1 people in contact statuses, as exact DTOs", async () => {
    const page = await listApplications(contact1, query());
    expect(page.rows.length).toBeGreaterThan(0);
    const inScope = await s.service((tx) =>
      tx.application.findMany({ where: { id: { in: page.rows.map((r) => r.id) } }, select: { subareaId: true, status: true, inGroup: true } }),
    );
    for (const row of page.rows) expect(Object.keys(row).sort()).toEqual(CONTACT_KEYS);
    for (const row of inScope) {
      expect(row.subareaId).toBe(sub1);
      expect(["ASSIGNED", "ADDED", "UNREACHABLE"].includes(row.status) || (row.inGroup && ["LEFT", "WITHDRAWN", "REJECTED"].includes(row.status))).toBe(true);
    }
  });

  it("finds nobody of subarea 2 for contact-1, by name or by number, while a coordinator does", async () => {
    expect((await listApplications(contact1, query({ q: foreign.name }))).rows.map((r) => r.id)).not.toContain(foreign.id);
    expect((await listApplications(contact1, query({ q: foreign.mobile }))).rows).toEqual([]);
    expect((await listApplications(s.coordinator, query({ q: foreign.mobile }))).rows.map((r) => r.id)).toContain(foreign.id);
  });

  it("ignores filters on columns a contact person may not see instead of failing", async () => {
    const page = await listApplications(contact1, query({ sort: "street", age: "older", q: foreign.street }));
    expect(page.rows).toEqual([]);
  });

  it("finds a phone number typed in any Dutch format", async () => {
    const local = `0${own.mobile.slice(3, 4)}-${own.mobile.slice(4)}`;
    for (const typed of [own.mobile, local, `0031 ${own.mobile.slice(3)}`, `+31 ${own.mobile.slice(3, 4)} ${own.mobile.slice(4)}`]) {
      expect((await listApplications(s.coordinator, query({ q: typed }))).rows.map((r) => r.id)).toContain(own.id);
    }
  });

  it("gives the exact total on a full page, the last partial page and a page past the end", async () => {
    const all = await s.service((tx) => tx.application.count({ where: { status: "ADDED" } }));
    expect(all).toBeGreaterThan(25);
    const pages = Math.ceil(all / 25);
    for (const page of [1, pages, pages + 1]) {
      const result = await listApplications(s.coordinator, applicationQuerySchema.parse({ status: "ADDED", size: 25, page }));
      expect(result.total).toBe(all);
    }
  });

  it("gives the overview's counts to a coordinator only, each the number its inbox link shows", async () => {
    const overview = await getOverview(s.coordinator);
    expect(overview.counts.reduce((n, r) => n + (r.byStatus.NEW ?? 0), 0)).toBeGreaterThan(0);
    let compared = 0;
    const statuses = [...new Set(overview.counts.flatMap((row) => Object.keys(row.byStatus)))] as (keyof (typeof overview.counts)[number]["byStatus"])[];
    for (const row of overview.counts) {
      for (const status of statuses) {
        const listed = await listApplications(s.coordinator, query({ status, subarea: row.subarea?.id ?? "none", size: 25 }));
        expect([row.subarea?.name ?? "none", status, row.byStatus[status] ?? 0]).toEqual([row.subarea?.name ?? "none", status, listed.total]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4);
    // The total counts each application once, although suggested ones appear in two rows.
    for (const status of statuses) expect([status, overview.totals[status]]).toEqual([status, (await listApplications(s.coordinator, query({ status, size: 25 }))).total]);
    await expect(getOverview(contact1)).rejects.toBeInstanceOf(NotFoundError);
  });
  it("counts a subarea's inbox as its assigned plus its suggested unassigned applications, each once", async () => {
    let counted = 0;
    for (const subarea of s.subareaIds) {
      const expected = await s.service((tx) => tx.application.count({ where: { OR: [{ subareaId: subarea }, { subareaId: null, suggestedSubareaId: subarea }] } }));
      const listed = await listApplications(s.coordinator, query({ subarea, size: 25 }));
      expect([subarea, listed.total]).toEqual([subarea, expected]);
      // A full first page takes its total from the count queries, not from its rows.
      if (expected > 25) counted++;
    }
    expect(counted).toBeGreaterThan(0);
  });
});

describe("export and bulk actions", () => {
  it("export gives a coordinator CSV and contact-1 not found", async () => {
    const { csv, count } = await exportApplications(s.coordinator, query({ subarea: sub2 }));
    expect(count).toBeGreaterThan(0);
    expect(csv.split("\r\n")[0]).toBe("id,name,mobile,street,house_number,postcode,email,status,subarea,source,created_at");
    await expect(exportApplications(contact1, query())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("bulk assign and reject are not found for contact-1, and change nothing", async () => {
    const before = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: foreign.id }, select: { status: true, version: true } }));
    await expect(assignApplications(contact1 as never, { ids: [foreign.id], subareaId: sub1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rejectApplications(contact1 as never, { ids: [foreign.id], reason: "SPAM" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: foreign.id }, select: { status: true, version: true } }))).toEqual(before);
  });

  it("bulk assign moves NEW applications to an active subarea and skips others", async () => {
    const ids = await s.service(async (tx) => (await tx.application.findMany({ where: { status: "NEW" }, take: 3, select: { id: true } })).map((r) => r.id));
    const reassigned = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ASSIGNED", id: { not: foreign.id } }, select: { id: true } }));
    const result = await assignApplications(s.coordinator, { ids: [...ids, reassigned.id], subareaId: sub1 });
    expect(result.changed.sort()).toEqual([...ids, reassigned.id].sort());
    const withdrawn = await s.service((tx) => tx.application.findFirstOrThrow({ where: { status: "WITHDRAWN" }, select: { id: true } }));
    expect(await assignApplications(s.coordinator, { ids: [withdrawn.id], subareaId: sub1 })).toEqual({ changed: [], skipped: [withdrawn.id] });
  });

  it("taking over suggestions assigns each row to its own suggested subarea, audited per subarea, and skips what it may not", async () => {
    const proposed = await s.service((tx) => tx.subarea.findFirstOrThrow({ where: { status: { not: "ACTIVE" } }, select: { id: true } }));
    const make = (suggestedSubareaId: number | null, extra: { status?: "NEW" | "WITHDRAWN" | "ASSIGNED"; subareaId?: number } = {}) =>
      s.service(async (tx) =>
        (
          await tx.application.create({
            data: { name: "Voorstelproef", mobile: "+31611119999", street: "Spoorstraat", houseNumber: 1, postcode: "6951AB", rulesVersion: "x", rulesAcceptedAt: new Date(), suggestedSubareaId, ...extra },
            select: { id: true },
          })
        ).id,
      );
    const toSub1 = await make(sub1);
    const toSub2 = await make(sub2);
    const none = await make(null);
    const noGroupYet = await make(proposed.id);
    const withdrawn = await make(sub1, { status: "WITHDRAWN" });
    const assignedElsewhere = await make(sub1, { status: "ASSIGNED", subareaId: sub2 });
    const ids = [toSub1, toSub2, none, noGroupYet, withdrawn, assignedElsewhere];

    await expect(acceptSuggestions(contact1 as never, { ids })).rejects.toBeInstanceOf(NotFoundError);
    const result = await acceptSuggestions(s.coordinator, { ids });
    expect(result.changed.sort()).toEqual([toSub1, toSub2].sort());
    expect(result.skipped.sort()).toEqual([none, noGroupYet, withdrawn, assignedElsewhere].sort());
    const after = await s.service((tx) => tx.application.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, status: true, subareaId: true } }));
    expect(after).toEqual([
      { id: toSub1, status: "ASSIGNED", subareaId: sub1 },
      { id: toSub2, status: "ASSIGNED", subareaId: sub2 },
      { id: none, status: "NEW", subareaId: null },
      { id: noGroupYet, status: "NEW", subareaId: null },
      { id: withdrawn, status: "WITHDRAWN", subareaId: null },
      { id: assignedElsewhere, status: "ASSIGNED", subareaId: sub2 },
    ]);
    // As a bulk assignment: a history line per row, one audit event per subarea.
    const events = await s.service((tx) => tx.applicationEvent.findMany({ where: { applicationId: { in: [toSub1, toSub2] }, type: "ASSIGNED" }, select: { applicationId: true, subareaId: true } }));
    expect(events.sort((a, b) => a.applicationId - b.applicationId)).toEqual([{ applicationId: toSub1, subareaId: sub1 }, { applicationId: toSub2, subareaId: sub2 }]);
    const audits = await s.service((tx) => tx.auditEvent.findMany({ where: { action: "application.assigned", subjectIds: { hasSome: [toSub1, toSub2] } }, select: { targetId: true, subjectIds: true } }));
    expect(audits.sort((a, b) => Number(a.targetId) - Number(b.targetId))).toEqual([{ targetId: String(sub1), subjectIds: [toSub1] }, { targetId: String(sub2), subjectIds: [toSub2] }]);
  });
});

describe("changeStatus", () => {
  it("lets contact-1 mark their own person added, and refuses subarea 2 as not found", async () => {
    const target = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ASSIGNED" }, select: { id: true } }));
    await changeStatus(contact1, { id: target.id, to: "ADDED", seen: { status: "ASSIGNED" } });
    expect(await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, inGroup: true } }))).toEqual({ status: "ADDED", inGroup: true });
    await expect(changeStatus(contact1, { id: foreign.id, to: "ADDED", seen: { status: "ASSIGNED" } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a transition the role may not make", async () => {
    const target = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ASSIGNED" }, select: { id: true } }));
    await expect(changeStatus(contact1, { id: target.id, to: "REJECTED", reason: "SPAM", seen: { status: "ASSIGNED" } })).rejects.toBeInstanceOf(TransitionError);
  });
});

describe("audit trail and staff", () => {
  it("is for coordinators only", async () => {
    await expect(listAuditEvents(contact1, auditQuerySchema.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    const page = await listAuditEvents(s.coordinator, auditQuerySchema.parse({ action: "application.disclosed" }));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.actorId === contact1.userId)).toBe(true);
  });

  it("staff changes are coordinator-only and take effect on the next load", async () => {
    const contact2 = await s.contact(2);
    await expect(setStaffSubareas(contact1, contact2.userId, [sub1])).rejects.toBeInstanceOf(NotFoundError);
    await setStaffSubareas(s.coordinator, contact2.userId, [sub1, sub2]);
    expect((await s.contact(2)).subareaIds).toEqual([sub1, sub2]);
    await deactivateStaff(s.coordinator, contact2.userId);
    expect(await s.viewer("contact-2@example.org")).toBeNull();
  });
});
