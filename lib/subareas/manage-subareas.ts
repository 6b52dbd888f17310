import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { Prisma } from "../db/generated/client";
import { normalisePostcode } from "./address";
import type { RuleInput, SubareaInput } from "./subarea.schema";

function coordinatorOnly(viewer: Viewer): void {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
}

function uniqueName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainValidationError({ name: "taken" });
  throw error;
}

export async function createSubarea(viewer: Viewer, input: SubareaInput): Promise<{ id: number }> {
  coordinatorOnly(viewer);
  return withViewer(viewer, async (tx) => {
    const created = await tx.subarea.create({ data: input, select: { id: true } }).catch(uniqueName);
    await recordAudit(tx, viewer, { action: "subarea.saved", targetType: "Subarea", targetId: created.id, meta: { status: input.status } });
    return created;
  });
}

/** Saves name, description, status (RETIRED retires it), invite link and member count. */
export async function updateSubarea(viewer: Viewer, input: SubareaInput & { id: number; version: number }): Promise<void> {
  coordinatorOnly(viewer);
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

export async function addRule(viewer: Viewer, input: RuleInput): Promise<void> {
  coordinatorOnly(viewer);
  const from = input.postcodeFrom ? normalisePostcode(input.postcodeFrom) : null;
  const to = input.postcodeTo ? normalisePostcode(input.postcodeTo) : null;
  const errors: Record<string, string> = {};
  if (input.postcodeFrom && !from) errors.postcodeFrom = "invalidPostcode";
  if (input.postcodeTo && !to) errors.postcodeTo = "invalidPostcode";
  if (from && to && from > to) errors.postcodeTo = "rangeOrder";
  if (Object.keys(errors).length) throw new DomainValidationError(errors);
  await withViewer(viewer, async (tx) => {
    if (!(await tx.subarea.findUnique({ where: { id: input.subareaId }, select: { id: true } }))) throw new NotFoundError();
    const rule = await tx.addressRule.create({ data: { ...input, postcodeFrom: from, postcodeTo: to }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "subarea.rule_added", targetType: "Subarea", targetId: input.subareaId, meta: { ruleId: rule.id } });
  });
}

export async function deleteRule(viewer: Viewer, ruleId: number): Promise<void> {
  coordinatorOnly(viewer);
  await withViewer(viewer, async (tx) => {
    const rule = await tx.addressRule.findUnique({ where: { id: ruleId }, select: { subareaId: true } });
    if (!rule) throw new NotFoundError();
    await tx.addressRule.delete({ where: { id: ruleId }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "subarea.rule_deleted", targetType: "Subarea", targetId: rule.subareaId, meta: { ruleId } });
  });
}
