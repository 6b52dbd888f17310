// The daily mail to contact persons about people assigned to them, on a controllable clock:
// at most one a day, nothing when nothing is new, their own choice, and a count and a link —
// never a name or a number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewerOf } from "@/lib/auth/viewer-types";
import { DIGEST_PERIOD_MS, sendAssignmentDigests } from "@/lib/group/assignment-digest";
import { setDigestPreference } from "@/lib/group/digest-preference";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

const HOUR = 3_600_000;
let s: Seeded;
let contact1: ViewerOf<"CONTACT_PERSON">;
let sub1: number;
let t0: Date;

beforeAll(async () => {
  s = await createSeededDatabase();
  contact1 = await s.contact(1);
  sub1 = s.subareaIds[0]!;
  t0 = new Date(Date.now() + 24 * HOUR);
});
afterAll(() => s.db.drop());

const at = (ms: number) => new Date(t0.getTime() + ms);
const digests = (to?: string) =>
  s.service((tx) => tx.outboxMail.findMany({ where: { template: "assignmentDigest", ...(to ? { to } : {}) }, orderBy: { id: "asc" } }));

/** Assigns one more NEW application to subarea 1 at `when`. */
async function assignOne(when: Date): Promise<void> {
  await s.service(async (tx) => {
    const row = await tx.application.findFirstOrThrow({ where: { status: "NEW" }, select: { id: true } });
    await tx.application.update({ where: { id: row.id }, data: { status: "ASSIGNED", subareaId: sub1, statusChangedAt: when }, select: { id: true } });
  });
}

describe("the assignment digest", () => {
  it("mails each contact person who chose it the number of people waiting, with a link and no names or numbers", async () => {
    await setDigestPreference(await s.contact(4), "OFF");
    expect(await sendAssignmentDigests(t0)).toEqual({ due: 3, mailed: 3 });
    const waiting = await s.service((tx) => tx.application.count({ where: { subareaId: sub1, status: "ASSIGNED" } }));
    const [mail] = await digests("contact-1@example.org");
    expect(mail!.subject).toBe(`${waiting} nieuwe aanmeldingen voor je WhatsApp-groep`);
    expect(mail!.text).toContain(`Er staan ${waiting} nieuwe bewoners klaar`);
    expect(mail!.text).toContain("http://localhost:3000/staff/group");
    const people = await s.service((tx) => tx.application.findMany({ select: { name: true, mobile: true } }));
    const body = `${mail!.subject}\n${mail!.text}`;
    expect(people.filter((p) => body.includes(p.name) || body.includes(p.mobile) || body.includes(p.mobile.slice(3)))).toEqual([]);
    expect(await digests("contact-4@example.org")).toEqual([]);
    const user = await s.service((tx) => tx.user.findUniqueOrThrow({ where: { id: contact1.userId }, select: { lastDigestAt: true } }));
    expect(user.lastDigestAt).toEqual(t0);
  });

  it("sends nothing within a day of the last digest, even with new assignments", async () => {
    await assignOne(at(2 * HOUR));
    expect(await sendAssignmentDigests(at(HOUR))).toEqual({ due: 0, mailed: 0 });
    expect(await sendAssignmentDigests(at(DIGEST_PERIOD_MS - 1))).toEqual({ due: 0, mailed: 0 });
    expect(await digests()).toHaveLength(3);
  });

  it("after a day, mails only those with new assignments, counting only the new ones", async () => {
    expect(await sendAssignmentDigests(at(DIGEST_PERIOD_MS))).toEqual({ due: 3, mailed: 1 });
    const mails = await digests("contact-1@example.org");
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("1 nieuwe aanmelding voor je WhatsApp-groep");
    expect(await digests()).toHaveLength(4);
  });

  it("sends nothing when nothing is new, however long it has been", async () => {
    expect((await sendAssignmentDigests(at(3 * DIGEST_PERIOD_MS))).mailed).toBe(0);
    expect(await digests()).toHaveLength(4);
  });

  it("does not count people assigned and then already added", async () => {
    await assignOne(at(3 * DIGEST_PERIOD_MS + HOUR));
    await s.service((tx) => tx.application.updateMany({ where: { subareaId: sub1, status: "ASSIGNED", statusChangedAt: { gt: at(3 * DIGEST_PERIOD_MS) } }, data: { status: "ADDED" } }));
    expect((await sendAssignmentDigests(at(4 * DIGEST_PERIOD_MS))).mailed).toBe(0);
  });

  it("respects the choice to receive no mail, and writes in the contact person's language", async () => {
    await setDigestPreference(contact1, "OFF");
    await assignOne(at(5 * DIGEST_PERIOD_MS));
    expect((await sendAssignmentDigests(at(6 * DIGEST_PERIOD_MS))).mailed).toBe(0);
    await setDigestPreference(contact1, "DAILY");
    await s.service((tx) => tx.user.update({ where: { id: contact1.userId }, data: { locale: "en" }, select: { id: true } }));
    expect((await sendAssignmentDigests(at(6 * DIGEST_PERIOD_MS))).mailed).toBe(1);
    const last = (await digests("contact-1@example.org")).at(-1)!;
    expect(last.subject).toBe("1 new applicant for your WhatsApp group");
  });
});
