import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { Prisma } from "../db/generated/client";
import { normalisePostcode, specificity, type AddressRuleInput } from "./address";
import { rulesOverlap } from "./rule-overlaps";
import { RuleOverlapError } from "./rule-overlap-error";
import type { RuleInput, SubareaInput } from "./subarea.schema";
import { assertCan } from "../auth/can";

function uniqueName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainValidationError({ name: "taken" });
  throw error;
}

export async function createSubarea(viewer: Viewer, input: SubareaInput): Promise<{ id: number }> {
  assertCan(viewer, "subareas.manage");
  return withViewer(viewer, async (tx) => {
    const created = await tx.subarea.create({ data: input, select: { id: true } }).catch(uniqueName);
    await recordAudit(tx, viewer, { action: "subarea.saved", targetType: "Subarea", targetId: created.id, meta: { status: input.status } });
    return created;
  });
}

/** Saves name, description, status (RETIRED retires it), invite link and member count. */
export async function updateSubarea(viewer: Viewer, input: SubareaInput & { id: number; version: number }): Promise<void> {
  assertCan(viewer, "subareas.manage");
  await withViewer(viewer, async (tx) => {
    const { id, version, ...data } = input;
    const updated = await tx.subarea.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } }).catch(uniqueName);
    if (updated.count !== 1) {
      if (!(await tx.subarea.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError();
      throw new ConflictError(["subarea"]);
    }
    await recordAudit(tx, viewer, { action: "subarea.saved", targetType: "Subarea", targetId: id, meta: { status: data.status } });
  });
}

/**
 * Adds an address rule to a subarea. Before saving, it is compared with the rules of the other
 * subareas still in use: one exactly as specific as an overlapping rule is refused (the rules'
 * order would decide, see docs/decisions/010 and `matchAddress`); a more or less specific overlap
 * (a street carved out of a postcode range, a number range out of a street) is saved only with
 * `confirmOverlap`. Errors: DomainValidationError (postcodes), NotFoundError, RuleOverlapError.
 */
export async function addRule(viewer: Viewer, input: RuleInput & { confirmOverlap?: boolean }): Promise<void> {
  assertCan(viewer, "subareas.manage");
  const { confirmOverlap = false, ...data } = input;
  const from = data.postcodeFrom ? normalisePostcode(data.postcodeFrom) : null;
  const to = data.postcodeTo ? normalisePostcode(data.postcodeTo) : null;
  const errors: Record<string, string> = {};
  if (data.postcodeFrom && !from) errors.postcodeFrom = "invalidPostcode";
  if (data.postcodeTo && !to) errors.postcodeTo = "invalidPostcode";
  if (from && to && from > to) errors.postcodeTo = "rangeOrder";
  if (Object.keys(errors).length) throw new DomainValidationError(errors);
  await withViewer(viewer, async (tx) => {
    const subarea = await tx.subarea.findUnique({ where: { id: data.subareaId }, select: { id: true, status: true } });
    if (!subarea) throw new NotFoundError();
    const candidate: AddressRuleInput = { ...data, id: Number.MAX_SAFE_INTEGER, postcodeFrom: from, postcodeTo: to };
    if (subarea.status !== "RETIRED") {
      const others = await tx.addressRule.findMany({
        where: { subareaId: { not: subarea.id }, subarea: { status: { not: "RETIRED" } } },
        orderBy: { id: "asc" },
        select: { id: true, subareaId: true, street: true, postcodeFrom: true, postcodeTo: true, houseNumberFrom: true, houseNumberTo: true, parity: true, subarea: { select: { name: true } } },
      });
      const overlaps = others
        .filter((rule) => rulesOverlap(candidate, rule))
        .map(({ subarea: { name }, ...rule }) => ({ id: rule.id, subareaName: name, rule, newWins: specificity(candidate) > specificity(rule), tie: specificity(candidate) === specificity(rule) }));
      const ambiguous = overlaps.filter((o) => o.tie);
      if (ambiguous.length) throw new RuleOverlapError(ambiguous.map(({ tie: _, ...o }) => o), true);
      if (overlaps.length && !confirmOverlap) throw new RuleOverlapError(overlaps.map(({ tie: _, ...o }) => o), false);
    }
    const rule = await tx.addressRule.create({ data: { ...data, postcodeFrom: from, postcodeTo: to }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "subarea.rule_added", targetType: "Subarea", targetId: data.subareaId, meta: { ruleId: rule.id, ...(confirmOverlap ? { overlapConfirmed: true } : {}) } });
  });
}

/** Deletes one rule (after the confirmation step on the subarea page); returns its subarea. */
export async function deleteRule(viewer: Viewer, ruleId: number): Promise<{ subareaId: number }> {
  assertCan(viewer, "subareas.manage");
  return withViewer(viewer, async (tx) => {
    const rule = await tx.addressRule.findUnique({ where: { id: ruleId }, select: { subareaId: true } });
    if (!rule) throw new NotFoundError();
    await tx.addressRule.delete({ where: { id: ruleId }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "subarea.rule_deleted", targetType: "Subarea", targetId: rule.subareaId, meta: { ruleId } });
    return { subareaId: rule.subareaId };
  });
}
