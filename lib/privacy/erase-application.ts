import type { Tx } from "../db/scope";
import { erasedValues, heldForRemoval } from "./erasure-rules";

/**
 * Erases a person's personal data from their application and every row about them (the
 * outbox included). The row stays, without personal data, so anonymous counts still add up;
 * the history and audit trail hold no personal data to begin with.
 *
 * While the person is still in a WhatsApp group, their name and number are the only way for the
 * contact person to remove them: those two stay until the removal is confirmed
 * (`completeErasure`), everything else goes now.
 *
 * Works in any scope allowed to update the row: the resident's own link, a coordinator, the
 * purge job. Returns whether name and number are still held for a removal.
 */
export async function eraseApplication(tx: Tx, id: number, now = new Date()): Promise<{ keptForRemoval: boolean }> {
  const row = await tx.application.findFirst({ where: { id }, select: { inGroup: true } });
  if (!row) return { keptForRemoval: false };
  await tx.outboxMail.deleteMany({ where: { applicationId: id } });
  // A contact person's note on a rule-violation report is free text: it goes too.
  await tx.violationReport.updateMany({ where: { applicationId: id }, data: erasedValues("ViolationReport") });
  await tx.application.updateMany({
    where: { id },
    data: {
      // The register's erase rule for every column (processing-register.ts): the held name and number stay while in a group.
      ...erasedValues("Application", { inGroup: row.inGroup, now }),
      // A coordinator's edit form opened before the erasure must not write the data back.
      version: { increment: 1 },
    },
  });
  return { keptForRemoval: row.inGroup };
}

/**
 * After the contact person confirmed the removal: the name and number go as well. Run it in
 * the service scope (the contact role may not write names).
 */
export async function completeErasure(tx: Tx, id: number): Promise<void> {
  await tx.application.updateMany({ where: { id, anonymisedAt: { not: null }, inGroup: false }, data: Object.fromEntries(heldForRemoval()) });
}
