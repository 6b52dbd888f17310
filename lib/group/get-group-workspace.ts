import "server-only";
import { displayPhone } from "../phone/mobile";
import { can, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { contactApplicationSelect, type ContactApplicationDto } from "../access/application-dto";
import { withViewer } from "../access/with-viewer";
import { searchWhere } from "../applications/search-where";
import { REMOVAL_STATUSES } from "../applications/status-machine";
import { recordAudit } from "../audit/record-audit";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db";
import type { MemberCheckOpen } from "../db/generated/enums";
import { NotFoundError } from "../errors";

/**
 * At most this many people per task list (oldest first): a week's batch on a phone, not the
 * whole backlog; the next ones appear as these are done, and the list says how many wait in all.
 * A card is name, number and a few buttons (the welcome text is one redirect away, the rare
 * actions are on the person's own page), under a kilobyte.
 */
export const TASK_LIST_LIMIT = 10;
/** Members per page of the "in the group" list, newest first: the list is mostly searched. */
export const ADDED_PAGE_SIZE = 10;

/**
 * A person as the workspace shows them: the contact DTO plus the number as people read it. The
 * WhatsApp chat with the welcome message is a redirect away (/api/staff/group/whatsapp/[id],
 * welcomeChatUrl); the call link is made from the number where it is shown (lib/phone/tel-url.ts).
 */
export interface GroupPerson extends ContactApplicationDto {
  /** The number as people read it: 06 12345678. */
  mobileDisplay: string;
}

export interface GroupSubarea {
  id: number;
  name: string;
  inviteLink: string | null;
  memberCount: number;
  version: number;
}

export interface GroupWorkspace {
  subarea: GroupSubarea;
  /** Every subarea of the viewer, for the switcher. */
  subareas: { id: number; name: string }[];
  toAdd: { rows: GroupPerson[]; total: number };
  toRemove: { rows: (GroupPerson & { status: RemovalStatus })[]; total: number };
  unreachable: { rows: GroupPerson[]; total: number };
  added: { rows: GroupPerson[]; total: number; page: number; size: number };
  /** The yearly member check's list (lib/members/member-check.ts): unanswered, or to ask in person. */
  memberCheck: { rows: CheckedMember[]; total: number };
}

/** A member on the check's list: why, and the version "houden" must have seen. */
export interface CheckedMember extends GroupPerson {
  memberCheckOpen: MemberCheckOpen;
  version: number;
}

type RemovalStatus = (typeof REMOVAL_STATUSES)[number];

/**
 * A contact person's work for one of their subareas: who to add, who to take out of the group,
 * who could not be reached, and (a page of) who is in the group. A subarea that is not theirs
 * is "not found". Every person shown counts as a disclosure: one audit event per view.
 */
export async function getGroupWorkspace(
  viewer: ViewerWith<"group.work">,
  subareaId: number,
  { page = 1, q = "" }: { page?: number; q?: string } = {},
): Promise<GroupWorkspace> {
  if (!can(viewer, "group.work") || !viewer.subareaIds.includes(subareaId)) throw new NotFoundError();
  return withViewer(viewer, async (tx) => {
    const subareas = await tx.subarea.findMany({
      where: { id: { in: [...viewer.subareaIds] } },
      select: { id: true, name: true, inviteLink: true, memberCount: true, version: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const subarea = subareas.find((s) => s.id === subareaId);
    if (!subarea) throw new NotFoundError();

    const where = (...and: Prisma.ApplicationWhereInput[]): Prisma.ApplicationWhereInput => ({ AND: [applicationScope(viewer), { subareaId }, ...and] });
    const addedWhere = where({ status: "ADDED" }, searchWhere(q, { street: false }));
    const lists = await taskLists(tx, subareaId);
    const added = await tx.application.findMany({
      where: addedWhere,
      select: contactApplicationSelect,
      orderBy: [{ statusChangedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADDED_PAGE_SIZE,
      take: ADDED_PAGE_SIZE,
    });
    const addedTotal = q ? await tx.application.count({ where: addedWhere }) : lists.totals.added;
    const { toAdd, toRemove, unreachable, checked } = lists.rows;

    const disclosed = [...new Set([...toAdd, ...toRemove, ...unreachable, ...added, ...checked].map((p) => p.id))];
    if (disclosed.length > 0) {
      await recordAudit(tx, viewer, {
        action: "application.disclosed",
        targetType: "Subarea",
        targetId: subareaId,
        subjectIds: disclosed,
        meta: { channel: "workspace", count: disclosed.length },
      });
    }

    const person = (dto: Prisma.ApplicationGetPayload<{ select: typeof contactApplicationSelect }>): GroupPerson => ({
      ...dto,
      mobileDisplay: displayPhone(dto.mobile),
    });
    return {
      subarea,
      subareas: subareas.map(({ id, name }) => ({ id, name })),
      toAdd: { rows: toAdd.map(person), total: lists.totals.toAdd },
      toRemove: { rows: toRemove.map(person) as (GroupPerson & { status: RemovalStatus })[], total: lists.totals.toRemove },
      unreachable: { rows: unreachable.map(person), total: lists.totals.unreachable },
      added: { rows: added.map(person), total: addedTotal, page, size: ADDED_PAGE_SIZE },
      memberCheck: {
        rows: checked.map(({ memberCheckOpen, version, ...row }) => ({ ...person(row), memberCheckOpen: memberCheckOpen!, version })),
        total: lists.totals.checked,
      },
    };
  });
}

type TaskList = "toAdd" | "toRemove" | "unreachable" | "checked";
type PersonRow = Prisma.ApplicationGetPayload<{ select: typeof contactApplicationSelect }>;
type TaskRow = PersonRow & { memberCheckOpen: MemberCheckOpen | null; version: number };
type TaskRows = { [L in TaskList]: L extends "checked" ? TaskRow[] : PersonRow[] };

/**
 * The four task lists of one subarea (at most TASK_LIST_LIMIT each, in their own order) and the
 * full size of each, plus the number of members, in one statement instead of six: the page's
 * cost is mostly round trips (issue 15). Each list and each count is its own branch, so that
 * PostgreSQL reads the few rows shown from an index in their order and counts from an index,
 * instead of reading every row of a list to count it alongside. Each condition matches one of
 * the partial indexes of migration 20261202000000_workspace_list_indexes: under row-level
 * security PostgreSQL cannot use a status condition inside an ordinary index scan (enum
 * equality is not leakproof), so without them every list walked all applications of the
 * subarea (about 50 ms at 100,000 applications, against about 3 ms with them).
 * Runs in the viewer's transaction, so row-level security and the contact role's column grants
 * apply as to every other read; each branch's condition lies within applicationScope
 * (CONTACT_STATUSES, or in the group with a REMOVAL_STATUS).
 */
async function taskLists(tx: Tx, subareaId: number): Promise<{ rows: TaskRows; totals: Record<TaskList, number> & { added: number } }> {
  // Literals, not parameters: the conditions must match the partial indexes' predicates
  // (migration 20261202000000_workspace_list_indexes), and the statuses are this code's constants.
  const removal = Prisma.raw(REMOVAL_STATUSES.map((status) => `'${status}'`).join(", "));
  const conditions: Record<TaskList | "added", Prisma.Sql> = {
    toAdd: Prisma.sql`status = 'ASSIGNED'`,
    toRemove: Prisma.sql`"inGroup" AND status IN (${removal})`,
    unreachable: Prisma.sql`status = 'UNREACHABLE'`,
    checked: Prisma.sql`status = 'ADDED' AND "inGroup" AND "memberCheckOpen" IS NOT NULL`,
    added: Prisma.sql`status = 'ADDED'`,
  };
  // ORDER BY a name that is also an output column sorts by the output (here text): the enum column
  // is qualified below to sort in its declared order, as Prisma's orderBy does.
  const orders: Record<TaskList, Prisma.Sql> = {
    toAdd: Prisma.sql`"statusChangedAt" ASC, id ASC`,
    toRemove: Prisma.sql`"statusChangedAt" ASC, id ASC`,
    unreachable: Prisma.sql`"statusChangedAt" DESC, id DESC`,
    checked: Prisma.sql`"Application"."memberCheckOpen" ASC, name ASC, id ASC`,
  };
  const lists = (Object.keys(orders) as TaskList[]).map(
    (list) => Prisma.sql`(
    SELECT ${list}::text AS list, id, name, mobile, status::text AS status, "memberCheckOpen"::text AS "memberCheckOpen", version, NULL::int AS total
    FROM "Application" WHERE "subareaId" = ${subareaId} AND ${conditions[list]} ORDER BY ${orders[list]} LIMIT ${TASK_LIST_LIMIT})`,
  );
  const counts = (Object.keys(conditions) as (TaskList | "added")[]).map(
    (list) => Prisma.sql`(
    SELECT ${list}::text, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int FROM "Application" WHERE "subareaId" = ${subareaId} AND ${conditions[list]})`,
  );
  const found = await tx.$queryRaw<(TaskRow & { list: TaskList | "added"; total: number | null })[]>`${Prisma.join([...lists, ...counts], " UNION ALL ")}`;
  const rows: TaskRows = { toAdd: [], toRemove: [], unreachable: [], checked: [] };
  const totals = { toAdd: 0, toRemove: 0, unreachable: 0, checked: 0, added: 0 };
  for (const { list, total, ...row } of found) {
    if (total !== null) totals[list] = total;
    else if (list === "checked") rows.checked.push(row);
    else if (list !== "added") {
      const { memberCheckOpen: _, version: __, ...person } = row;
      rows[list].push(person);
    }
  }
  return { rows, totals };
}
