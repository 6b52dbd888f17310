// Issue 14, safe actions, through the data layer: a rule that overlaps another subarea's rule
// is refused or needs a confirmation before it is saved; deleting a rule first says what it
// covers; a contact person takes back their own last change, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { changeStatus } from "@/lib/applications/change-status";
import type { ApplicationStatus } from "@/lib/db/generated/enums";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { confirmRemoval } from "@/lib/group/confirm-removal";
import { findGroupChange, undoGroupChange, UNDO_WINDOW_MS } from "@/lib/group/undo-group-change";
import { addRule } from "@/lib/subareas/manage-subareas";
import { RuleOverlapError } from "@/lib/subareas/rule-overlap-error";
import { getRuleDeletion } from "@/lib/subareas/rule-deletion";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
let contact2: ViewerOf<"CONTACT_PERSON">;
let colleague: ViewerOf<"CONTACT_PERSON">;
let sub1: number;
let sub2: number;

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  contact2 = await s.contact(2);
  [sub1, sub2] = s.subareaIds as [number, number];
  // A second contact person of subarea 1: may not take back contact-1's change.
  await s.service(async (tx) => {
    const user = await tx.user.create({ data: { email: "collega@example.org", name: "Collega", role: "CONTACT_PERSON" }, select: { id: true } });
    await tx.subareaContact.create({ data: { userId: user.id, subareaId: sub1 } });
  });
  colleague = (await s.viewer("collega@example.org")) as ViewerOf<"CONTACT_PERSON">;
});
afterAll(() => s.db.drop());

const rulesOf = (subareaId: number) => s.service((tx) => tx.addressRule.count({ where: { subareaId } }));

describe("a new rule that overlaps another subarea's rule", () => {
  it("is refused when it is exactly as specific (the rules' order would decide), naming the rule; nothing saved", async () => {
    const before = await rulesOf(sub2);
    const error = await addRule(s.coordinator, { subareaId: sub2, street: "kerkstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleOverlapError);
    const overlap = error as RuleOverlapError;
    expect(overlap.ambiguous).toBe(true);
    expect(overlap.overlaps.map((o) => [o.rule.street, o.subareaName.startsWith("Deelgebied 1")])).toEqual([["Kerkstraat", true]]);
    // Even with the confirmation: the matcher cannot decide such a pair.
    await expect(addRule(s.coordinator, { subareaId: sub2, street: "Kerkstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL", confirmOverlap: true })).rejects.toBeInstanceOf(RuleOverlapError);
    expect(await rulesOf(sub2)).toBe(before);
  });

  it("needs an explicit confirmation when one is more specific (that one wins), then is saved", async () => {
    const before = await rulesOf(sub2);
    const input = { subareaId: sub2, street: "Kerkstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: 1, houseNumberTo: 9, parity: "ODD" as const };
    const error = (await addRule(s.coordinator, input).catch((e: unknown) => e)) as RuleOverlapError;
    expect(error).toBeInstanceOf(RuleOverlapError);
    expect([error.ambiguous, error.overlaps.map((o) => o.newWins)]).toEqual([false, [true]]);
    expect(await rulesOf(sub2)).toBe(before);
    await addRule(s.coordinator, { ...input, confirmOverlap: true });
    expect(await rulesOf(sub2)).toBe(before + 1);
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "subarea.rule_added" }, orderBy: { id: "desc" } }));
    expect(audit.meta).toMatchObject({ overlapConfirmed: true });
  });

  it("a rule that overlaps nothing is saved at once", async () => {
    const before = await rulesOf(sub1);
    await addRule(s.coordinator, { subareaId: sub1, street: "Nergensstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL" });
    expect(await rulesOf(sub1)).toBe(before + 1);
  });
});

describe("deleting a rule: what it covers first", () => {
  it("counts the current applications the rule placed, and is for coordinators only", async () => {
    const rule = await s.service((tx) => tx.addressRule.findFirstOrThrow({ where: { subareaId: sub1, street: "Kerkstraat" } }));
    const expected = await s.service((tx) =>
      tx.application.count({ where: { matchedRuleId: rule.id, status: { in: ["NEW", "WAITING", "ASSIGNED", "ADDED", "UNREACHABLE"] }, anonymisedAt: null } }),
    );
    expect(expected).toBeGreaterThan(0);
    const deletion = await getRuleDeletion(s.coordinator, rule.id);
    expect(deletion).toEqual({ rule: { id: rule.id, subareaId: sub1, street: "Kerkstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: null, houseNumberTo: null, parity: "ALL" }, matching: expected });
    await expect(getRuleDeletion(contact1, rule.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRuleDeletion(s.coordinator, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

const used = new Set<number>();
async function pick(subareaId: number, status: ApplicationStatus, inGroup = status === "ADDED") {
  const row = await s.service(async (tx) => {
    const found = await tx.application.findFirstOrThrow({ where: { subareaId, status: { in: ["ADDED", "ASSIGNED"] }, anonymisedAt: null, id: { notIn: [...used] } }, select: { id: true } });
    return tx.application.update({ where: { id: found.id }, data: { status, inGroup }, select: { id: true, name: true, version: true } });
  });
  used.add(row.id);
  return row;
}
const state = (id: number) => s.service((tx) => tx.application.findUniqueOrThrow({ where: { id }, select: { status: true, inGroup: true, version: true } }));

describe("a contact person takes back their own change", () => {
  it("added → back to 'to add': the confirmation names the person, the undo goes through the machine and is recorded without personal data", async () => {
    const person = await pick(sub1, "ASSIGNED");
    // Assigned long ago: first on the list of those waiting longest.
    const before = await s.service((tx) => tx.application.update({ where: { id: person.id }, data: { statusChangedAt: new Date("2001-02-03T04:05:06Z") }, select: { statusChangedAt: true } }));
    await changeStatus(contact1, { id: person.id, to: "ADDED", seen: { status: "ASSIGNED" } });
    const change = await findGroupChange(contact1, person.id);
    expect(change).toEqual({ id: person.id, name: person.name, subareaId: sub1, version: person.version + 1, change: { kind: "status", from: "ASSIGNED", to: "ADDED" }, undoable: true });
    // Not for a colleague of the same subarea, nor for another subarea's contact person.
    expect(await findGroupChange(colleague, person.id)).toBeNull();
    await expect(undoGroupChange(colleague, { id: person.id, version: person.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(undoGroupChange(contact2, { id: person.id, version: person.version + 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(person.id)).toEqual({ status: "ADDED", inGroup: true, version: person.version + 1 });

    await undoGroupChange(contact1, { id: person.id, version: person.version + 1 });
    expect(await state(person.id)).toEqual({ status: "ASSIGNED", inGroup: false, version: person.version + 2 });
    // Back in their place on the list: waiting since they were assigned, not since the undo.
    const after = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id: person.id }, select: { statusChangedAt: true } }));
    expect(after.statusChangedAt).toEqual(before.statusChangedAt);
    const audit = await s.service((tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "application.change_undone", targetId: String(person.id) } }));
    expect([audit.actorId, audit.meta]).toEqual([contact1.userId, { from: "ADDED", to: "ASSIGNED" }]);
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(person.name);
    // Once: the undo itself cannot be undone, and says so.
    expect(await findGroupChange(contact1, person.id)).toMatchObject({ change: { kind: "undone", status: "ASSIGNED" }, undoable: false });
    await expect(undoGroupChange(contact1, { id: person.id, version: person.version + 2 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("is refused once anything changed since, or after the window", async () => {
    const person = await pick(sub1, "ASSIGNED");
    await changeStatus(contact1, { id: person.id, to: "UNREACHABLE", code: "NO_ANSWER", seen: { status: "ASSIGNED" } });
    // A coordinator moves them on: the contact person's change is no longer the last one.
    await changeStatus(s.coordinator, { id: person.id, to: "ADDED", seen: { version: person.version + 1 } });
    expect(await findGroupChange(contact1, person.id)).toBeNull();
    await expect(undoGroupChange(contact1, { id: person.id, version: person.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await state(person.id)).toMatchObject({ status: "ADDED" });

    const late = await pick(sub1, "ASSIGNED");
    await changeStatus(contact1, { id: late.id, to: "ADDED", seen: { status: "ASSIGNED" } });
    const later = new Date(Date.now() + UNDO_WINDOW_MS + 60_000);
    expect(await findGroupChange(contact1, late.id, later)).toMatchObject({ undoable: false });
    await expect(undoGroupChange(contact1, { id: late.id, version: late.version + 1 }, later)).rejects.toBeInstanceOf(ConflictError);
    expect(await state(late.id)).toMatchObject({ status: "ADDED", inGroup: true });
  });

  it("a confirmed removal becomes a removal task again; 'left' becomes a member again", async () => {
    const withdrawn = await pick(sub1, "WITHDRAWN", true);
    await confirmRemoval(contact1, { id: withdrawn.id, from: "WITHDRAWN" });
    expect(await findGroupChange(contact1, withdrawn.id)).toMatchObject({ name: withdrawn.name, change: { kind: "removed", status: "WITHDRAWN" }, undoable: true });
    await undoGroupChange(contact1, { id: withdrawn.id, version: withdrawn.version + 1 });
    expect(await state(withdrawn.id)).toEqual({ status: "WITHDRAWN", inGroup: true, version: withdrawn.version + 2 });

    const member = await pick(sub1, "ADDED");
    await confirmRemoval(contact1, { id: member.id, from: "ADDED" });
    expect(await state(member.id)).toMatchObject({ status: "LEFT", inGroup: false });
    await undoGroupChange(contact1, { id: member.id, version: member.version + 1 });
    expect(await state(member.id)).toEqual({ status: "ADDED", inGroup: true, version: member.version + 2 });
  });

  it("never for a removal that completed an erasure: the name is gone and is not shown", async () => {
    const person = await pick(sub1, "WITHDRAWN", true);
    await s.service((tx) => tx.application.update({ where: { id: person.id }, data: { anonymisedAt: new Date() }, select: { id: true } }));
    await confirmRemoval(contact1, { id: person.id, from: "WITHDRAWN" });
    expect(await findGroupChange(contact1, person.id)).toBeNull();
    await expect(undoGroupChange(contact1, { id: person.id, version: person.version + 1 })).rejects.toBeInstanceOf(ConflictError);
  });
});
