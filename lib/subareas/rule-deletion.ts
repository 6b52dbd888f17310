import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { ACTIVE_STATUSES } from "../applications/status-machine";
import { NotFoundError } from "../errors";
import type { RuleLike } from "./describe-rule";
import { assertCan } from "../auth/can";

export interface RuleDeletion {
  rule: RuleLike & { id: number; subareaId: number };
  /** Current applications (NEW … UNREACHABLE, not erased) that this rule placed. */
  matching: number;
}

/**
 * What deleting a rule would touch, for the confirmation step before it (issue 14 point 9): the
 * rule itself and how many current applications it matched (`matchedRuleId`, set by the one
 * address matcher). Needs `subareas.manage`. Errors: NotFoundError.
 */
export async function getRuleDeletion(viewer: Viewer, ruleId: number): Promise<RuleDeletion> {
  assertCan(viewer, "subareas.manage");
  return withViewer(viewer, async (tx) => {
    const rule = await tx.addressRule.findUnique({
      where: { id: ruleId },
      select: { id: true, subareaId: true, street: true, postcodeFrom: true, postcodeTo: true, houseNumberFrom: true, houseNumberTo: true, parity: true },
    });
    if (!rule) throw new NotFoundError();
    const matching = await tx.application.count({ where: { matchedRuleId: ruleId, status: { in: [...ACTIVE_STATUSES] }, anonymisedAt: null } });
    return { rule, matching };
  });
}
