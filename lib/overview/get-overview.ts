import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import type { ApplicationStatus } from "../db/generated/enums";
import { REMOVAL_STATUSES } from "../applications/status-machine";
import type { ApplicationEventType } from "../applications/history-vocabulary";
import { config, type AppConfig } from "../config/env";
import { assertCan } from "../auth/can";

const OVERDUE_MS = 48 * 3_600_000;

export interface Overview {
  /**
   * Per subarea and status, as the inbox's subarea filter counts them (lib/applications/search-where.ts):
   * assigned to it, or not yet assigned and suggested for it. The row without a subarea counts
   * every unassigned application, so a suggested one appears in two rows, as in the inbox.
   */
  counts: { subarea: { id: number; name: string } | null; byStatus: Partial<Record<ApplicationStatus, number>> }[];
  /** Per status over all applications, each counted once. */
  totals: Partial<Record<ApplicationStatus, number>>;
  overdueNew: { count: number; oldest: { id: number; createdAt: Date }[] };
  unreachable: number;
  removalTasks: number;
  openMessages: number;
  newExpansionRequests: number;
  memberCheck: MemberCheckSummary;
}

/**
 * The yearly member check (lib/members/member-check.ts) over the last period (MEMBER_CHECK_MONTHS,
 * or twelve months when the check is off): questions, reminders, answers and outcomes, counted
 * from the history; and who is on a contact person's list now.
 */
export interface MemberCheckSummary {
  enabled: boolean;
  months: number;
  asked: number;
  reminded: number;
  confirmed: number;
  kept: number;
  listed: number;
  removed: number;
  openUnanswered: number;
  openAskInPerson: number;
}

const MEMBER_CHECK_EVENTS = {
  asked: "MEMBER_CHECK_ASKED",
  reminded: "MEMBER_CHECK_REMINDED",
  confirmed: "MEMBER_CONFIRMED",
  kept: "MEMBER_KEPT",
  listed: "MEMBER_CHECK_LISTED",
  removed: "MEMBER_CHECK_ENDED",
} as const satisfies Record<string, ApplicationEventType>;

/** The coordinator's start page: how things stand, and what needs doing now. */
export async function getOverview(viewer: Viewer, now = new Date(), cfg: AppConfig = config()): Promise<Overview> {
  assertCan(viewer, "overview.read");
  const overdueBefore = new Date(now.getTime() - OVERDUE_MS);
  const months = cfg.MEMBER_CHECK_MONTHS || 12;
  const checkSince = new Date(now);
  checkSince.setUTCMonth(checkSince.getUTCMonth() - months);
  return withViewer(viewer, async (tx) => {
    const [groups, subareas, overdueCount, oldest, removalTasks, openMessages, newExpansionRequests, checkEvents, checkOpen] = await Promise.all([
      tx.application.groupBy({ by: ["subareaId", "suggestedSubareaId", "status"], _count: { _all: true } }),
      tx.subarea.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
      tx.application.count({ where: { status: "NEW", createdAt: { lt: overdueBefore } } }),
      tx.application.findMany({ where: { status: "NEW", createdAt: { lt: overdueBefore } }, orderBy: { createdAt: "asc" }, take: 5, select: { id: true, createdAt: true } }),
      tx.application.count({ where: { inGroup: true, status: { in: [...REMOVAL_STATUSES] } } }),
      tx.message.count({ where: { status: "OPEN" } }),
      tx.expansionRequest.count({ where: { status: "NEW" } }),
      tx.applicationEvent.groupBy({
        by: ["type"],
        where: { type: { in: Object.values(MEMBER_CHECK_EVENTS) }, at: { gte: checkSince } },
        _count: { _all: true },
      }),
      tx.application.groupBy({ by: ["memberCheckOpen"], where: { memberCheckOpen: { not: null }, status: "ADDED" }, _count: { _all: true } }),
    ]);
    const events = (type: ApplicationEventType) => checkEvents.find((e) => e.type === type)?._count._all ?? 0;
    const open = (why: string) => checkOpen.find((o) => o.memberCheckOpen === why)?._count._all ?? 0;
    const memberCheck: MemberCheckSummary = {
      enabled: cfg.MEMBER_CHECK_MONTHS > 0,
      months,
      ...(Object.fromEntries(Object.entries(MEMBER_CHECK_EVENTS).map(([key, type]) => [key, events(type)])) as Record<keyof typeof MEMBER_CHECK_EVENTS, number>),
      openUnanswered: open("UNANSWERED"),
      openAskInPerson: open("ASK_IN_PERSON"),
    };
    const inRow = (g: (typeof groups)[number], id: number | null) => (id === null ? g.subareaId === null : g.subareaId === id || (g.subareaId === null && g.suggestedSubareaId === id));
    const rows: Overview["counts"] = [...subareas.map((s) => ({ subarea: s })), { subarea: null }].map(({ subarea }) => {
      const byStatus: Partial<Record<ApplicationStatus, number>> = {};
      for (const g of groups) if (inRow(g, subarea?.id ?? null)) byStatus[g.status] = (byStatus[g.status] ?? 0) + g._count._all;
      return { subarea, byStatus };
    });
    const totals: Partial<Record<ApplicationStatus, number>> = {};
    for (const g of groups) totals[g.status] = (totals[g.status] ?? 0) + g._count._all;
    const unreachable = groups.filter((g) => g.status === "UNREACHABLE").reduce((n, g) => n + g._count._all, 0);
    return {
      counts: rows.filter((r) => Object.keys(r.byStatus).length > 0 || r.subarea),
      totals,
      overdueNew: { count: overdueCount, oldest },
      unreachable,
      removalTasks,
      openMessages,
      newExpansionRequests,
      memberCheck,
    };
  });
}
