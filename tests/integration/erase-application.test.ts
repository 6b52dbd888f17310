import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/lib/db/scope";
import { completeErasure, eraseApplication } from "@/lib/privacy/erase-application";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

let s: Seeded;
beforeAll(async () => {
  s = await createSeededDatabase();
});
afterAll(() => s.db.drop());

async function findIn(id: number) {
  const person = await s.service((tx) => tx.application.findUniqueOrThrow({ where: { id } }));
  return person;
}

describe("erasing an application", () => {
  it("removes every personal field and the person's mail, from the resident's own link, and keeps the row for counts", async () => {
    const target = await s.service((tx) => tx.application.findFirstOrThrow({ where: { inGroup: false, email: { not: null } } }));
    await s.service(async (tx) => {
      await tx.application.update({ where: { id: target.id }, data: { notes: "Belde op dinsdag" }, select: { id: true } });
      await enqueueMail(tx, { to: target.email!, template: "signIn", subject: "s", text: "t", applicationId: target.id });
    });
    const before = await s.service((tx) => tx.application.count());
    expect(await inScope(s.db.prisma, { role: "resident", applicationId: target.id }, (tx) => eraseApplication(tx, target.id))).toEqual({ keptForRemoval: false });
    const after = await findIn(target.id);
    expect(after).toMatchObject({ name: "", mobile: "", street: "", postcode: "", houseNumber: 0, email: null, notes: null, manageTokenHash: null, status: target.status });
    expect(after.anonymisedAt).not.toBeNull();
    expect(await s.service((tx) => tx.outboxMail.count({ where: { applicationId: target.id } }))).toBe(0);
    expect(await s.service((tx) => tx.application.count())).toBe(before);
    const dump = (await s.db.query<{ row: string }>(`SELECT row_to_json(a)::text AS row FROM "Application" a`)).map((r) => r.row).join("\n");
    expect(dump).not.toContain(target.mobile);
    expect(dump).not.toContain(target.email!);
  });

  it("keeps only name and number of someone still in the group, until the removal is confirmed", async () => {
    const target = await s.service((tx) => tx.application.findFirstOrThrow({ where: { inGroup: true } }));
    expect(await s.service((tx) => eraseApplication(tx, target.id))).toEqual({ keptForRemoval: true });
    expect(await findIn(target.id)).toMatchObject({ name: target.name, mobile: target.mobile, street: "", email: null });
    await s.service((tx) => completeErasure(tx, target.id));
    expect(await findIn(target.id)).toMatchObject({ name: target.name });
    await s.service((tx) => tx.application.update({ where: { id: target.id }, data: { inGroup: false }, select: { id: true } }));
    await s.service((tx) => completeErasure(tx, target.id));
    expect(await findIn(target.id)).toMatchObject({ name: "", mobile: "" });
  });
});
