// The contact person's wall without the application's own help: the product's list, detail,
// group workspace and vCard functions run with the application-level scope neutralised
// (applicationScope returns "everything", and the viewer object claims a subarea it does not
// have), so only PostgreSQL's row-level security stands between a contact person and the other
// subareas — and it must still hide them. Then the contact role's column grants are held
// against an allow-list built from the contact DTO (lib/access/application-dto.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbScope } from "@/lib/db";
import type { Viewer, ViewerOf } from "@/lib/auth/viewer-types";
import { contactApplicationSelect } from "@/lib/access/application-dto";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { getApplication } from "@/lib/applications/get-application";
import { listApplications } from "@/lib/applications/list-applications";
import { CONTACT_STATUSES, REMOVAL_STATUSES } from "@/lib/applications/status-machine";
import { NotFoundError } from "@/lib/errors";
import { exportGroupVCard } from "@/lib/group/export-group-vcard";
import { getGroupWorkspace } from "@/lib/group/get-group-workspace";
import { createSeededDatabase, type Seeded } from "../helpers/seeded-database";

/** The subareas the session really holds, by user: what the database scope is built from. */
const sessionSubareas = new Map<string, readonly number[]>();

// First wall down: no `where` from the application for anyone.
vi.mock("@/lib/access/application-scope", () => ({ applicationScope: () => ({}) }));
// The viewer object may claim any subarea; the database scope comes from the session's own.
vi.mock("@/lib/access/with-viewer", async (original) => {
  const real = await original<typeof import("@/lib/access/with-viewer")>();
  const { withScope } = await import("@/lib/db");
  const dbScopeFor = (viewer: Viewer): DbScope => {
    const scope = real.dbScopeFor(viewer);
    return scope.role === "contact" ? { ...scope, subareaIds: sessionSubareas.get(viewer.userId) ?? [] } : scope;
  };
  return { ...real, dbScopeFor, withViewer: (viewer: Viewer, fn: Parameters<typeof real.withViewer>[1], options?: Parameters<typeof real.withViewer>[2]) => withScope(dbScopeFor(viewer), fn, options) };
});

let s: Seeded;
let contact: ViewerOf<"CONTACT_PERSON">;
/** The same contact person as a careless application would see them: claiming another subarea too. */
let claiming: ViewerOf<"CONTACT_PERSON">;
let own: number;
let other: number;
const CONTACT_VISIBLE = [...CONTACT_STATUSES] as string[];
const REMOVAL = [...REMOVAL_STATUSES] as string[];

beforeAll(async () => {
  s = await createSeededDatabase();
  contact = await s.contact(1);
  own = contact.subareaIds[0]!;
  sessionSubareas.set(contact.userId, contact.subareaIds);
  other = (await s.contact(2)).subareaIds.find((id) => !contact.subareaIds.includes(id))!;
  claiming = { ...contact, subareaIds: [...contact.subareaIds, other] };
});
afterAll(() => s.db.drop());

/** What row-level security should leave a contact person of `subareas`, counted by the service role. */
async function visibleIds(subareas: readonly number[]): Promise<number[]> {
  const rows = await s.service((tx) => tx.application.findMany({ where: { subareaId: { in: [...subareas] } }, select: { id: true, status: true, inGroup: true } }));
  return rows.filter((r) => CONTACT_VISIBLE.includes(r.status) || (r.inGroup && REMOVAL.includes(r.status))).map((r) => r.id).sort((a, b) => a - b);
}

describe("with the application-level scope neutralised, row-level security alone", () => {
  it("has something to hide: people in the other subarea a contact person there would see, and people nobody in a group sees", async () => {
    expect((await visibleIds([other])).length).toBeGreaterThan(0);
    expect(await s.service((tx) => tx.application.count({ where: { status: { in: ["NEW", "WAITING"] } } }))).toBeGreaterThan(0);
  });

  it("keeps the inbox list to the own subarea's visible people", async () => {
    const expected = await visibleIds([own]);
    expect(expected.length).toBeGreaterThan(0);
    const page = await listApplications(claiming, applicationQuerySchema.parse({ size: 100 }));
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.slice(0, 100));
    for (const row of page.rows) expect(Object.keys(row).sort()).toEqual(Object.keys(contactApplicationSelect).sort());
  });

  it("answers not found for the detail of someone in another subarea, or not yet assigned in the own one", async () => {
    const [elsewhere] = await visibleIds([other]);
    await expect(getApplication(claiming, elsewhere!)).rejects.toBeInstanceOf(NotFoundError);
    const unassigned = await s.service((tx) =>
      tx.application.findFirst({ where: { status: { in: ["NEW", "WAITING"] }, OR: [{ subareaId: own }, { suggestedSubareaId: own }, { subareaId: null }] }, select: { id: true } }),
    );
    expect(unassigned).not.toBeNull();
    await expect(getApplication(claiming, unassigned!.id)).rejects.toBeInstanceOf(NotFoundError);
    // The own subarea still works: the wall is not simply closed.
    const [mine] = await visibleIds([own]);
    expect(await getApplication(claiming, mine!)).toMatchObject({ id: mine });
  });

  it("shows no workspace and no vCards for the claimed subarea, and only the own people in the own one", async () => {
    await expect(getGroupWorkspace(claiming, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportGroupVCard(claiming, other)).rejects.toBeInstanceOf(NotFoundError);
    const w = await getGroupWorkspace(claiming, own);
    const shown = [...w.toAdd.rows, ...w.toRemove.rows, ...w.unreachable.rows, ...w.added.rows].map((p) => p.id);
    expect(shown.length).toBeGreaterThan(0);
    const allowed = new Set(await visibleIds([own]));
    expect(shown.filter((id) => !allowed.has(id))).toEqual([]);
    const { vcf, count } = await exportGroupVCard(claiming, own);
    expect(count).toBe(w.toAdd.rows.length);
    const mine = new Set((await s.service((tx) => tx.application.findMany({ where: { id: { in: [...allowed] } }, select: { mobile: true } }))).map((r) => r.mobile));
    const numbers = [...vcf.matchAll(/TEL;TYPE=CELL:(\S+)\r\n/g)].map((m) => m[1]!);
    expect(numbers).toHaveLength(count);
    expect(numbers.filter((n) => !mine.has(n))).toEqual([]);
  });
});

/**
 * Every column the contact role may read or write, per table and privilege. Application: the
 * contact DTO's fields, plus what the policy and the group workspace need (subarea, whether the
 * person is in the group, when the status changed, the language for the welcome message, and
 * the version for concurrent edits). Anything outside this list fails: a new grant must be argued here.
 * The yearly member check (lib/members/member-check.ts): why a member is on the list
 * (memberCheckOpen, read), and "houden" (writes the confirmation and clears the list entry) —
 * never when the member was mailed or reminded.
 */
const APPLICATION_READ = [...Object.keys(contactApplicationSelect), "subareaId", "inGroup", "statusChangedAt", "locale", "version", "memberCheckOpen"];
const ALLOWED: Record<string, readonly string[]> = {
  "Application SELECT": APPLICATION_READ,
  "Application UPDATE": ["status", "inGroup", "statusChangedAt", "version", "updatedAt", "memberConfirmedAt", "memberCheckOpen"],
  "Subarea SELECT": ["id", "name", "status", "inviteLink", "memberCount", "version"],
  "Subarea UPDATE": ["memberCount", "version", "updatedAt"],
};

describe("the contact role's column grants", () => {
  it("reach no column outside the allow-list (no address, e-mail, notes or history)", async () => {
    const granted = await s.db.query<{ table_name: string; column_name: string; privilege_type: string }>(
      `SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges
        WHERE grantee = 'buurt_contact' AND table_schema = 'public' ORDER BY 1, 2, 3`,
    );
    expect(granted.length).toBeGreaterThan(0);
    const outside = granted
      .filter((g) => g.privilege_type === "SELECT" || g.privilege_type === "UPDATE")
      .filter((g) => !(ALLOWED[`${g.table_name} ${g.privilege_type}`] ?? []).includes(g.column_name))
      .map((g) => `${g.table_name}.${g.column_name} ${g.privilege_type}`);
    expect(outside).toEqual([]);
    for (const column of ["street", "houseNumber", "postcode", "email", "notes", "manageTokenHash", "memberCheckAskedAt", "memberCheckRemindedAt"]) {
      expect(granted.filter((g) => g.table_name === "Application" && g.column_name === column)).toEqual([]);
    }
  });
});
