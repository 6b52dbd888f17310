// The contact person's workspace query and vCard download: exactly their subarea's people in
// the four lists, as name and number plus derived links, one disclosure event per view, and
// "not found" for any subarea that is not theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { NotFoundError } from "@/lib/errors";
import { ADDED_PAGE_SIZE, getGroupWorkspace, TASK_LIST_LIMIT } from "@/lib/group/get-group-workspace";
import { exportGroupVCard } from "@/lib/group/export-group-vcard";
import { getGroupPerson, welcomeChatUrl } from "@/lib/group/get-group-person";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const PERSON_KEYS = ["id", "mobile", "mobileDisplay", "name", "status"];

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

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const disclosures = () => s.service((tx) => tx.auditEvent.findMany({ where: { action: "application.disclosed" }, orderBy: { id: "asc" } }));

describe("getGroupWorkspace", () => {
  it("gives contact-1 subarea 1's people in the four lists, and nobody else", async () => {
    const w = await getGroupWorkspace(contact1, sub1);
    const expected = await s.service(async (tx) => ({
      toAdd: ids(await tx.application.findMany({ where: { subareaId: sub1, status: "ASSIGNED" }, orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }], take: TASK_LIST_LIMIT })),
      toRemove: ids(await tx.application.findMany({ where: { subareaId: sub1, inGroup: true, status: { in: ["LEFT", "WITHDRAWN", "REJECTED"] } }, orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }] })),
      unreachable: ids(await tx.application.findMany({ where: { subareaId: sub1, status: "UNREACHABLE" }, orderBy: [{ statusChangedAt: "desc" }, { id: "desc" }] })),
      added: await tx.application.count({ where: { subareaId: sub1, status: "ADDED" } }),
    }));
    expect(expected.toAdd.length).toBeGreaterThan(0);
    expect(expected.toRemove.length).toBeGreaterThan(0);
    expect(expected.unreachable.length).toBeGreaterThan(0);
    expect(ids(w.toAdd.rows)).toEqual(expected.toAdd);
    expect(ids(w.toRemove.rows)).toEqual(expected.toRemove);
    expect(ids(w.unreachable.rows)).toEqual(expected.unreachable);
    expect(w.added.total).toBe(expected.added);
    expect(w.added.rows).toHaveLength(Math.min(ADDED_PAGE_SIZE, expected.added));
    const everyone = [...w.toAdd.rows, ...w.toRemove.rows, ...w.unreachable.rows, ...w.added.rows];
    expect(w.toAdd.rows.length * w.added.rows.length).toBeGreaterThan(0);
    for (const person of everyone) {
      expect(Object.keys(person).sort()).toEqual(PERSON_KEYS);
    }
    expect(w.subarea).toMatchObject({ id: sub1, name: "Deelgebied 1 – Noordwest", inviteLink: "https://chat.whatsapp.com/VOORBEELD-deelgebied-1" });
    expect(w.subareas).toEqual([{ id: sub1, name: "Deelgebied 1 – Noordwest" }]);
  });

  it("derives the WhatsApp chat from the number and a welcome in the resident's language, one audited person at a time", async () => {
    const [nl, en] = await s.service(async (tx) => {
      const people = await tx.application.findMany({ where: { subareaId: sub1, status: "ASSIGNED" }, orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }], take: 2, select: { id: true } });
      await tx.application.update({ where: { id: people[0]!.id }, data: { locale: "nl" }, select: { id: true } });
      await tx.application.update({ where: { id: people[1]!.id }, data: { locale: "en" }, select: { id: true } });
      return people.map((p) => p.id);
    });
    const w = await getGroupWorkspace(contact1, sub1);
    const byId = new Map(w.toAdd.rows.map((p) => [p.id, p]));
    for (const [id, words] of [
      [nl!, ["Hallo", "Bel eerst 112", "geen gezellige, sociale of doorgestuurde berichten"]],
      [en!, ["Hello", "Call 112 first", "no chatter, social or forwarded messages"]],
    ] as const) {
      const person = byId.get(id)!;
      const before = (await disclosures()).length;
      const url = new URL(await welcomeChatUrl(contact1, id));
      const events = (await disclosures()).slice(before);
      expect(events).toMatchObject([{ targetType: "Application", targetId: String(id), subjectIds: [id], meta: { channel: "whatsapp", count: 1 } }]);
      expect(url.origin + url.pathname).toBe(`https://wa.me/${person.mobile.slice(1)}`);
      const text = url.searchParams.get("text")!;
      for (const word of [person.name, "Deelgebied 1 – Noordwest", "https://chat.whatsapp.com/VOORBEELD-deelgebied-1", ...words]) expect(text).toContain(word);
      // Read as a Dutch person writes it ("06 12345678"), dialled as stored.
      expect(person.mobileDisplay).toBe(`06 ${person.mobile.slice(4)}`);
    }
  });

  it("shows one person of the workspace on their own page, and nobody else", async () => {
    const [own, foreign, fresh] = await s.service((tx) =>
      Promise.all([
        tx.application.findFirstOrThrow({ where: { subareaId: sub1, status: "ADDED" }, select: { id: true, name: true } }),
        tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ASSIGNED" }, select: { id: true } }),
        tx.application.findFirstOrThrow({ where: { status: "NEW" }, select: { id: true } }),
      ]),
    );
    const before = (await disclosures()).length;
    const person = await getGroupPerson(contact1, own.id, "detail");
    expect(person).toMatchObject({ id: own.id, name: own.name, status: "ADDED", inGroup: true, subarea: { id: sub1, name: "Deelgebied 1 – Noordwest" } });
    expect(Object.keys(person).sort()).toEqual([...PERSON_KEYS, "inGroup", "locale", "memberCheckOpen", "subarea", "version"].sort());
    expect((await disclosures()).slice(before)).toMatchObject([{ targetId: String(own.id), subjectIds: [own.id], meta: { channel: "detail" } }]);
    for (const id of [foreign.id, fresh.id, 2_000_000_000]) {
      await expect(getGroupPerson(contact1, id, "detail")).rejects.toBeInstanceOf(NotFoundError);
      await expect(welcomeChatUrl(contact1, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await disclosures()).length).toBe(before + 1);
  });

  it("pages and searches the added list", async () => {
    // More members than one page: people of the coordinator's inbox added to subarea 1.
    await s.service(async (tx) => {
      const fresh = await tx.application.findMany({ where: { status: "NEW" }, take: 30, select: { id: true } });
      await tx.application.updateMany({ where: { id: { in: ids(fresh) } }, data: { status: "ADDED", inGroup: true, subareaId: sub1 } });
    });
    const total = await s.service((tx) => tx.application.count({ where: { subareaId: sub1, status: "ADDED" } }));
    expect(total).toBeGreaterThan(ADDED_PAGE_SIZE);
    const first = await getGroupWorkspace(contact1, sub1);
    const second = await getGroupWorkspace(contact1, sub1, { page: 2 });
    expect(first.added.rows).toHaveLength(ADDED_PAGE_SIZE);
    expect(second.added).toMatchObject({ page: 2, total });
    expect(second.added.rows).toHaveLength(Math.min(ADDED_PAGE_SIZE, total - ADDED_PAGE_SIZE));
    expect(ids(second.added.rows).some((id) => ids(first.added.rows).includes(id))).toBe(false);
    const target = first.added.rows[3]!;
    const found = await getGroupWorkspace(contact1, sub1, { q: target.mobile });
    expect(ids(found.added.rows)).toEqual([target.id]);
    const foreign = await s.service((tx) => tx.application.findFirstOrThrow({ where: { subareaId: sub2, status: "ADDED" }, select: { mobile: true } }));
    expect((await getGroupWorkspace(contact1, sub1, { q: foreign.mobile })).added.rows).toEqual([]);
  });

  it("records one disclosure per view with exactly the people shown", async () => {
    const before = (await disclosures()).length;
    const w = await getGroupWorkspace(contact1, sub1);
    const events = (await disclosures()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: contact1.userId, actorRole: "CONTACT_PERSON", targetType: "Subarea", targetId: String(sub1), meta: { channel: "workspace" } });
    const shown = [...w.toAdd.rows, ...w.toRemove.rows, ...w.unreachable.rows, ...w.added.rows].map((p) => p.id);
    expect([...events[0]!.subjectIds].sort()).toEqual([...shown].sort());
  });

  it("answers not found for another subarea, a missing one, and a contact person without subareas", async () => {
    await expect(getGroupWorkspace(contact1, sub2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupWorkspace(contact1, 9_999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupWorkspace({ ...contact1, subareaIds: [] }, sub1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupWorkspace(s.coordinator as never, sub1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets a contact person with two subareas switch, each view holding only that subarea", async () => {
    const contact3 = await s.contact(3);
    const sub3 = s.subareaIds[2]!;
    await s.service((tx) => tx.subareaContact.create({ data: { userId: contact3.userId, subareaId: sub2 } }));
    const both = await s.contact(3);
    expect([...both.subareaIds].sort()).toEqual([sub2, sub3].sort());
    const w2 = await getGroupWorkspace(both, sub2);
    const w3 = await getGroupWorkspace(both, sub3);
    expect(w2.subareas.map((x) => x.id).sort()).toEqual([sub2, sub3].sort());
    const subareaOf = async (rows: { id: number }[]) =>
      new Set((await s.service((tx) => tx.application.findMany({ where: { id: { in: ids(rows) } }, select: { subareaId: true } }))).map((r) => r.subareaId));
    expect(await subareaOf([...w2.toAdd.rows, ...w2.added.rows])).toEqual(new Set([sub2]));
    expect(await subareaOf([...w3.toAdd.rows, ...w3.added.rows])).toEqual(new Set([sub3]));
  });
});

describe("exportGroupVCard", () => {
  it("holds exactly the to-add list as vCards, and is recorded as a disclosure", async () => {
    const w = await getGroupWorkspace(contact1, sub1);
    const before = (await disclosures()).length;
    const { vcf, count } = await exportGroupVCard(contact1, sub1);
    expect(count).toBe(w.toAdd.rows.length);
    const cards = vcf.split("BEGIN:VCARD\r\n").slice(1);
    expect(count).toBeGreaterThan(0);
    expect(cards).toHaveLength(count);
    expect(vcf.endsWith("END:VCARD\r\n")).toBe(true);
    expect(vcf.replace(/\r\n/g, "")).not.toMatch(/\n/);
    cards.forEach((card, i) => {
      const person = w.toAdd.rows[i]!;
      expect(card).toContain(`FN:${person.name}\r\n`);
      expect(card).toContain(`TEL;TYPE=CELL:${person.mobile}\r\n`);
      expect(card).toContain("VERSION:3.0\r\n");
    });
    const events = (await disclosures()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: contact1.userId, meta: { channel: "vcard", count } });
    expect([...events[0]!.subjectIds].sort()).toEqual(ids(w.toAdd.rows).sort());
  });

  it("holds nobody of another subarea and no address, and is not found for a foreign subarea", async () => {
    const { vcf } = await exportGroupVCard(contact1, sub1);
    const others = await s.service((tx) => tx.application.findMany({ where: { OR: [{ subareaId: { not: sub1 } }, { subareaId: null }] }, select: { mobile: true } }));
    const streets = await s.service(async (tx) => (await tx.application.findMany({ distinct: ["street"], select: { street: true } })).map((r) => r.street));
    expect(others.filter((o) => vcf.includes(o.mobile))).toEqual([]);
    expect(streets.filter((street) => vcf.includes(street))).toEqual([]);
    await expect(exportGroupVCard(contact1, sub2)).rejects.toBeInstanceOf(NotFoundError);
  });
});
