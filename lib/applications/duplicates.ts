import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { recordChange } from "./record-change";
import { mayTransition } from "./status-machine";
import { assertCan } from "../auth/can";

/** Other applications with the same mobile number, e-mail address or address: likely the same household. */
export async function findPossibleDuplicates(viewer: Viewer, id: number) {
  assertCan(viewer, "applications.read");
  return withViewer(viewer, async (tx) => {
    const me = await tx.application.findFirst({ where: { id }, select: { mobile: true, email: true, street: true, houseNumber: true, postcode: true, anonymisedAt: true } });
    if (!me) throw new NotFoundError();
    if (me.anonymisedAt) return [];
    return tx.application.findMany({
      where: {
        id: { not: id },
        anonymisedAt: null,
        OR: [
          { mobile: me.mobile },
          ...(me.email ? [{ email: me.email }] : []),
          { postcode: me.postcode, houseNumber: me.houseNumber },
        ],
      },
      select: { id: true, name: true, mobile: true, status: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 20,
    });
  });
}

/**
 * Marks `id` as a duplicate of `originalId` and merges it: what the original lacks (e-mail,
 * house-number addition) is taken from the duplicate, which is then rejected as DUPLICATE with
 * a link to the original. One transaction; both versions are checked.
 *
 * The e-mail address is taken only when its owner confirmed it (`emailConfirmedAt`, with its
 * confirmation date): anyone can apply with someone else's number and their own address
 * (issue 11 item 7), and an unconfirmed stranger's address must not land on the original.
 * The coordinator can still type it in by hand.
 */
export async function mergeDuplicate(viewer: Viewer, input: { id: number; version: number; originalId: number }): Promise<void> {
  assertCan(viewer, "applications.triage");
  if (input.id === input.originalId) throw new DomainValidationError({ originalId: "same" });
  await withViewer(viewer, async (tx) => {
    const [dup, original] = await Promise.all([
      tx.application.findFirst({ where: { id: input.id }, select: { status: true, version: true, email: true, emailConfirmedAt: true, houseLetter: true, houseNumberSuffix: true, inGroup: true, subareaId: true } }),
      tx.application.findFirst({ where: { id: input.originalId, anonymisedAt: null }, select: { version: true, email: true, houseLetter: true, houseNumberSuffix: true, duplicateOfId: true } }),
    ]);
    if (!dup) throw new NotFoundError();
    if (!original) throw new DomainValidationError({ originalId: "unknown" });
    if (original.duplicateOfId !== null) throw new DomainValidationError({ originalId: "isDuplicate" });
    if (dup.version !== input.version) throw new ConflictError(["status"]);
    if (dup.inGroup || !mayTransition(dup.status, "REJECTED", viewer)) throw new DomainValidationError({ id: "notMergeable" });

    const fill = {
      ...(!original.email && dup.email && dup.emailConfirmedAt ? { email: dup.email, emailConfirmedAt: dup.emailConfirmedAt } : {}),
      // Letter and addition go together: 12 + A + 2 is one address, not a letter from one and an addition from another.
      ...(!original.houseLetter && !original.houseNumberSuffix && (dup.houseLetter || dup.houseNumberSuffix)
        ? { houseLetter: dup.houseLetter, houseNumberSuffix: dup.houseNumberSuffix }
        : {}),
    };
    if (Object.keys(fill).length) {
      const updated = await tx.application.updateMany({ where: { id: input.originalId, version: original.version }, data: { ...fill, version: original.version + 1 } });
      if (updated.count !== 1) throw new ConflictError(Object.keys(fill));
      await recordChange(tx, viewer, { applicationId: input.originalId, type: "MERGED_IN", fields: Object.keys(fill) as (keyof typeof fill)[], version: original.version + 1 });
    }
    await tx.application.updateMany({
      where: { id: input.id, version: input.version },
      data: { status: "REJECTED", rejectionReason: "DUPLICATE", duplicateOfId: input.originalId, statusChangedAt: new Date(), version: input.version + 1 },
    });
    await recordChange(tx, viewer, {
      applicationId: input.id,
      type: "MERGED_INTO",
      fields: ["status", "rejectionReason", "duplicateOfId"],
      version: input.version + 1,
      fromStatus: dup.status,
      toStatus: "REJECTED",
      subareaId: dup.subareaId,
      reason: "DUPLICATE",
    });
    await recordAudit(tx, viewer, { action: "application.merged", targetType: "Application", targetId: input.originalId, subjectIds: [input.id, input.originalId] });
  });
}
