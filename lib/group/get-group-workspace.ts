import "server-only";
import { displayPhone } from "../phone/mobile";
import { can, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { contactApplicationSelect, type ContactApplicationDto } from "../access/application-dto";
import { withViewer } from "../access/with-viewer";
import { searchWhere } from "../applications/search-where";
import { REMOVAL_STATUSES } from "../applications/status-machine";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
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
    const toAddWhere = where({ status: "ASSIGNED" });
    const toRemoveWhere = where({ inGroup: true, status: { in: [...REMOVAL_STATUSES] } });
    const unreachableWhere = where({ status: "UNREACHABLE" });
    const addedWhere = where({ status: "ADDED" }, searchWhere(q, { street: false }));
    const checkWhere = where({ status: "ADDED", inGroup: true, memberCheckOpen: { not: null } });
    const oldestFirst = [{ statusChangedAt: "asc" }, { id: "asc" }] as const satisfies Prisma.ApplicationOrderByWithRelationInput[];
    const newestFirst = [{ statusChangedAt: "desc" }, { id: "desc" }] as const satisfies Prisma.ApplicationOrderByWithRelationInput[];

    const toAdd = await tx.application.findMany({ where: toAddWhere, select: personSelect, orderBy: oldestFirst, take: TASK_LIST_LIMIT });
    const toRemove = await tx.application.findMany({ where: toRemoveWhere, select: personSelect, orderBy: oldestFirst, take: TASK_LIST_LIMIT });
    const unreachable = await tx.application.findMany({ where: unreachableWhere, select: personSelect, orderBy: newestFirst, take: TASK_LIST_LIMIT });
    const added = await tx.application.findMany({
      where: addedWhere,
      select: personSelect,
      orderBy: newestFirst,
      skip: (page - 1) * ADDED_PAGE_SIZE,
      take: ADDED_PAGE_SIZE,
    });
    const checked = await tx.application.findMany({
      where: checkWhere,
      select: { ...personSelect, memberCheckOpen: true, version: true },
      orderBy: [{ memberCheckOpen: "asc" }, { name: "asc" }, { id: "asc" }],
      take: TASK_LIST_LIMIT,
    });
    const checkedTotal = checked.length < TASK_LIST_LIMIT ? checked.length : await tx.application.count({ where: checkWhere });
    // Every list's total from one pass over the subarea, rather than a count per list.
    const counts = await tx.application.groupBy({ by: ["status", "inGroup"], where: where(), _count: { _all: true } });
    const total = (match: (c: (typeof counts)[number]) => boolean) => counts.filter(match).reduce((n, c) => n + c._count._all, 0);
    const toAddTotal = total((c) => c.status === "ASSIGNED");
    const toRemoveTotal = total((c) => c.inGroup && (REMOVAL_STATUSES as readonly string[]).includes(c.status));
    const unreachableTotal = total((c) => c.status === "UNREACHABLE");
    const addedTotal = q ? await tx.application.count({ where: addedWhere }) : total((c) => c.status === "ADDED");

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
      toAdd: { rows: toAdd.map(person), total: toAddTotal },
      toRemove: { rows: toRemove.map(person) as (GroupPerson & { status: RemovalStatus })[], total: toRemoveTotal },
      unreachable: { rows: unreachable.map(person), total: unreachableTotal },
      added: { rows: added.map(person), total: addedTotal, page, size: ADDED_PAGE_SIZE },
      memberCheck: {
        rows: checked.map(({ memberCheckOpen, version, ...row }) => ({ ...person(row), memberCheckOpen: memberCheckOpen!, version })),
        total: checkedTotal,
      },
    };
  });
}
