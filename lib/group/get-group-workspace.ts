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
import { telUrl, welcomeText, whatsappUrl } from "./whatsapp-link";

/**
 * At most this many people per task list (oldest first): a week's batch, not the whole group.
 * Each person carries a WhatsApp link with the welcome text and a few forms, about 8 kB of page:
 * 20 per list keeps the page a phone loads well under half a megabyte.
 */
export const TASK_LIST_LIMIT = 20;
export const ADDED_PAGE_SIZE = 20;

/** A person as the workspace shows them: the contact DTO plus links derived from it. */
export interface GroupPerson extends ContactApplicationDto {
  /** The number as people read it: +31 6 12345678. */
  mobileDisplay: string;
  whatsappUrl: string;
  telUrl: string;
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

const personSelect = { ...contactApplicationSelect, locale: true } as const satisfies Prisma.ApplicationSelect;

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
      select: personSelect,
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

    const person = ({ locale, ...dto }: Prisma.ApplicationGetPayload<{ select: typeof personSelect }>): GroupPerson => ({
      ...dto,
      mobileDisplay: displayPhone(dto.mobile),
      whatsappUrl: whatsappUrl(dto.mobile, welcomeText(locale, { name: dto.name, subarea: subarea.name, inviteLink: subarea.inviteLink })),
      telUrl: telUrl(dto.mobile),
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
type PersonRow = Prisma.ApplicationGetPayload<{ select: typeof personSelect }>;
type TaskRow = PersonRow & { memberCheckOpen: MemberCheckOpen | null; version: number };
type TaskRows = { [L in TaskList]: L extends "checked" ? TaskRow[] : PersonRow[] };

/**
 * The four task lists of one subarea (at most TASK_LIST_LIMIT each, in their own order) and the
 * full size of each, plus the number of members, in one statement instead of six: the page's
 * cost is mostly round trips (issue 15). Runs in the viewer's transaction, so row-level security
 * and the contact role's column grants apply as to every other read; each branch's condition
 * lies within applicationScope (CONTACT_STATUSES, or in the group with a REMOVAL_STATUS).
 */
async function taskLists(tx: Tx, subareaId: number): Promise<{ rows: TaskRows; totals: Record<TaskList, number> & { added: number } }> {
  const limit = TASK_LIST_LIMIT;
  const branch = (list: TaskList, condition: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(
    SELECT ${list}::text AS list, id, name, mobile, status::text AS status, locale::text AS locale, "memberCheckOpen"::text AS "memberCheckOpen", version,
      count(*) OVER ()::int AS total
    FROM "Application" WHERE "subareaId" = ${subareaId} AND ${condition} ORDER BY ${order} LIMIT ${limit})`;
  // ORDER BY a name that is also an output column sorts by the output (here text): the enum column
  // is qualified below to sort in its declared order, as Prisma's orderBy does.
  const removal = Prisma.join(REMOVAL_STATUSES.map((status) => Prisma.sql`${status}::"ApplicationStatus"`));
  const found = await tx.$queryRaw<(TaskRow & { list: TaskList | "added"; total: number })[]>`
    ${branch("toAdd", Prisma.sql`status = 'ASSIGNED'`, Prisma.sql`"statusChangedAt" ASC, id ASC`)}
    UNION ALL ${branch("toRemove", Prisma.sql`"inGroup" AND status IN (${removal})`, Prisma.sql`"statusChangedAt" ASC, id ASC`)}
    UNION ALL ${branch("unreachable", Prisma.sql`status = 'UNREACHABLE'`, Prisma.sql`"statusChangedAt" DESC, id DESC`)}
    UNION ALL ${branch("checked", Prisma.sql`status = 'ADDED' AND "inGroup" AND "memberCheckOpen" IS NOT NULL`, Prisma.sql`"Application"."memberCheckOpen" ASC, name ASC, id ASC`)}
    UNION ALL (SELECT 'added'::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int FROM "Application" WHERE "subareaId" = ${subareaId} AND status = 'ADDED')`;
  const rows: TaskRows = { toAdd: [], toRemove: [], unreachable: [], checked: [] };
  const totals = { toAdd: 0, toRemove: 0, unreachable: 0, checked: 0, added: 0 };
  for (const { list, total, ...row } of found) {
    totals[list] = total;
    if (list === "checked") rows.checked.push(row);
    else if (list !== "added") {
      const { memberCheckOpen: _, version: __, ...person } = row;
      rows[list].push(person);
    }
  }
  return { rows, totals };
}
