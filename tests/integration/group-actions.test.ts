// What a contact person does in their workspace, each change through the data layer as they
// would make it: every allowed transition, and refusal of other subareas' people and of
// transitions the status machine does not allow — with nothing changed after a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { changeStatus } from "@/lib/applications/change-status";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { ConflictError, NotFoundError, TransitionError } from "@/lib/errors";
import { confirmRemoval } from "@/lib/group/confirm-removal";
import { getDigestPreference, setDigestPreference } from "@/lib/group/digest-preference";
import { memberCountSchema, unreachableSchema } from "@/lib/group/group.schema";
import { markUnreachable } from "@/lib/group/mark-unreachable";
import { updateMemberCount } from "@/lib/group/update-member-count";
import { eraseApplication } from "@/lib/privacy/erase-application";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
let sub1: number;
let sub2: number;

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  [sub1, sub2] = s.subareaIds as [number, number];
});
afterAll(() => s.db.drop());

/** A person of `subareaId` put in `status` (and in or out of the group), not used by an earlier test. */
const used = new Set<number>();
async function pick(subareaId: number, status: ApplicationStatus, inGroup = status === "ADDED") {
  const row = await s.service(async (tx) => {
    const found = await tx.application.findFirstOrThrow({
      where: { subareaId, status: { in: ["ADDED", "ASSIGNED"] }, id: { notIn: [...used] } },
      select: { id: true },
    });
    return tx.application.update({ where: { id: found.id }, data: { status, inGroup }, select: { id: true, name: true, mobile: true, version: true } });
  });
  used.add(row.id);
  return row;
}
const state = (id: number) =>
  s.service((tx) => tx.application.findUniqueOrThrow({ where: { id }, select: { status: true, inGroup: true, version: true, name: true, mobile: true } }));
const history = (id: number) => s.service((tx) => tx.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } }));

describe("mark unreachable", () => {
  it("moves ASSIGNED to UNREACHABLE with the reason code in the history and the audit trail", async () => {
    const person = await pick(sub1, "ASSIGNED");
    await markUnreachable(contact1, { id: person.id, from: "ASSIGNED", reason: "NOT_ON_WHATSAPP" });
    expect(await state(person.id)).toMatchObject({ status: "UNREACHABLE", inGroup: false, version: person.version + 1 });
    const line = (await history(person.id)).at(-1)!;
    expect(line).toMatchObject({ type: "STATUS_CHANGED", fromStatus: "ASSIGNED", toStatus: "UNREACHABLE", actorId: contact1.userId });
    expect(line.detail).toEqual({ fields: ["status"], version: person.version + 1, reason: "NOT_ON_WHATSAPP", statusSince: expect.any(String) });
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "application.status_changed", targetId: String(person.id) } }));
    expect(audit.meta).toEqual({ from: "ASSIGNED", to: "UNREACHABLE", reason: "NOT_ON_WHATSAPP" });
  });

  it("then lets the contact person mark them added after all", async () => {
    const person = await pick(sub1, "UNREACHABLE");
    await changeStatus(contact1, { id: person.id, to: "ADDED", seen: { status: "UNREACHABLE" } });
    expect(await state(person.id)).toMatchObject({ status: "ADDED", inGroup: true });
  });

  it("refuses another subarea's person as not found, and a wrong transition, changing nothing", async () => {
    const foreign = await pick(sub2, "ASSIGNED");
    await expect(markUnreachable(contact1, { id: foreign.id, from: "ASSIGNED", reason: "NO_ANSWER" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(foreign.id)).toMatchObject({ status: "ASSIGNED", version: foreign.version });
    const member = await pick(sub1, "ADDED");
    await expect(markUnreachable(contact1, { id: member.id, from: "ADDED", reason: "NO_ANSWER" })).rejects.toBeInstanceOf(TransitionError);
    expect(await state(member.id)).toMatchObject({ status: "ADDED", version: member.version });
  });

  it("accepts only the reason codes, never free text", () => {
    expect(unreachableSchema.safeParse({ id: "1", from: "ASSIGNED", reason: "WRONG_NUMBER" }).success).toBe(true);
    expect(unreachableSchema.safeParse({ id: "1", from: "ASSIGNED", reason: "Jan is op vakantie" }).success).toBe(false);
    expect(unreachableSchema.safeParse({ id: "1", from: "ADDED", reason: "OTHER" }).success).toBe(false);
  });
});

describe("confirm removal from the group", () => {
  it("clears a removal task (withdrawn, still in the group): status stays, the person leaves the list", async () => {
    const person = await pick(sub1, "WITHDRAWN", true);
    await confirmRemoval(contact1, { id: person.id, from: "WITHDRAWN" });
    expect(await state(person.id)).toMatchObject({ status: "WITHDRAWN", inGroup: false, version: person.version + 1, name: person.name });
    expect((await history(person.id)).at(-1)).toMatchObject({ type: "REMOVED_FROM_GROUP", detail: { fields: ["inGroup"], version: person.version + 1 } });
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "application.removed_from_group", targetId: String(person.id) } }));
    expect(audit).toMatchObject({ actorId: contact1.userId, subjectIds: [person.id], meta: { status: "WITHDRAWN" } });
    // Out of the group, a withdrawn person is no longer the contact person's to see.
    await expect(confirmRemoval(contact1, { id: person.id, from: "WITHDRAWN" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("clears a coordinator's removal (rejected while in the group) and someone who left", async () => {
    const member = await pick(sub1, "REJECTED", true);
    await confirmRemoval(contact1, { id: member.id, from: "REJECTED" });
    expect(await state(member.id)).toMatchObject({ status: "REJECTED", inGroup: false });
    const left = await pick(sub1, "LEFT", true);
    await confirmRemoval(contact1, { id: left.id, from: "LEFT" });
    expect(await state(left.id)).toMatchObject({ status: "LEFT", inGroup: false });
  });

  it("marks a member who left by themselves as LEFT and out of the group in one step", async () => {
    const member = await pick(sub1, "ADDED");
    await confirmRemoval(contact1, { id: member.id, from: "ADDED" });
    expect(await state(member.id)).toMatchObject({ status: "LEFT", inGroup: false, version: member.version + 1 });
    expect((await history(member.id)).at(-1)).toMatchObject({ fromStatus: "ADDED", toStatus: "LEFT", detail: { fields: ["status", "inGroup"] } });
  });

  it("erases name and number once the person who asked for erasure is out of the group", async () => {
    const person = await pick(sub1, "WITHDRAWN", true);
    expect(await s.service((tx) => eraseApplication(tx, person.id))).toEqual({ keptForRemoval: true });
    expect(await state(person.id)).toMatchObject({ name: person.name, mobile: person.mobile });
    await confirmRemoval(contact1, { id: person.id, from: "WITHDRAWN" });
    expect(await state(person.id)).toMatchObject({ name: "", mobile: "", inGroup: false });
  });

  it("refuses another subarea, a stale view and a person not in the group, changing nothing", async () => {
    const foreign = await pick(sub2, "WITHDRAWN", true);
    await expect(confirmRemoval(contact1, { id: foreign.id, from: "WITHDRAWN" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(foreign.id)).toMatchObject({ inGroup: true, version: foreign.version });
    const assigned = await pick(sub1, "ASSIGNED");
    await expect(confirmRemoval(contact1, { id: assigned.id, from: "LEFT" })).rejects.toBeInstanceOf(ConflictError);
    await expect(confirmRemoval(contact1, { id: assigned.id, from: "ADDED" })).rejects.toBeInstanceOf(ConflictError);
    expect(await state(assigned.id)).toMatchObject({ status: "ASSIGNED", version: assigned.version });
    const out = await pick(sub1, "LEFT", false);
    await expect(confirmRemoval(contact1, { id: out.id, from: "LEFT" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("member count", () => {
  it("is updated by the subarea's contact person, with a conflict on a stale version", async () => {
    const before = await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: sub1 }, select: { version: true, memberCount: true } }));
    await updateMemberCount(contact1, { subareaId: sub1, version: before.version, memberCount: 930 });
    expect(await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: sub1 }, select: { version: true, memberCount: true } }))).toEqual({
      version: before.version + 1,
      memberCount: 930,
    });
    await expect(updateMemberCount(contact1, { subareaId: sub1, version: before.version, memberCount: 1 })).rejects.toBeInstanceOf(ConflictError);
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "subarea.member_count_changed" } }));
    expect(audit).toMatchObject({ targetType: "Subarea", targetId: String(sub1), meta: { from: before.memberCount, to: 930 } });
  });

  it("is not found for another subarea, and stays within the WhatsApp limit", async () => {
    const other = await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: sub2 }, select: { version: true, memberCount: true } }));
    await expect(updateMemberCount(contact1, { subareaId: sub2, version: other.version, memberCount: 5 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await s.service((tx) => tx.subarea.findUniqueOrThrow({ where: { id: sub2 }, select: { version: true, memberCount: true } }))).toEqual(other);
    expect(memberCountSchema.safeParse({ subareaId: "1", version: "1", memberCount: "1024" }).success).toBe(true);
    expect(memberCountSchema.safeParse({ subareaId: "1", version: "1", memberCount: "1025" }).success).toBe(false);
    expect(memberCountSchema.safeParse({ subareaId: "1", version: "1", memberCount: "-1" }).success).toBe(false);
    // Each refusal names the one message the form shows for it ("geen geldig aantal"), not the generic "ongeldig".
    for (const memberCount of ["1025", "-1", "2.5", "veel"]) {
      expect(memberCountSchema.safeParse({ subareaId: "1", version: "1", memberCount }).error?.issues.map((i) => i.message)).toEqual(["invalidNumber"]);
    }
  });
});

describe("digest preference", () => {
  it("is the contact person's own choice", async () => {
    expect(await getDigestPreference(contact1)).toBe("DAILY");
    await setDigestPreference(contact1, "OFF");
    expect(await getDigestPreference(contact1)).toBe("OFF");
    expect(await getDigestPreference(await s.contact(2))).toBe("DAILY");
    await setDigestPreference(contact1, "DAILY");
    expect(await getDigestPreference(contact1)).toBe("DAILY");
  });
});
