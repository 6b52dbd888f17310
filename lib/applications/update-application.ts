import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, DomainValidationError, NotFoundError } from "../errors";
import { EDITED_COLUMNS, type ApplicationEdit, type EditedColumn } from "./application-edit.schema";
import { changedSince } from "./change-status";
import { recordChange } from "./record-change";
import { assertCan } from "../auth/can";

// Every edited column is read back to compare it with the edit.
const EDITED_SELECT = Object.fromEntries(EDITED_COLUMNS.map((column) => [column, true])) as Record<EditedColumn, true>;

/**
 * A coordinator's correction of an application's details, as `applicationEditSchema` checked and
 * normalised them (the shared field rules; nothing is normalised again here). Saves only if
 * nobody saved since the version the coordinator saw; otherwise ConflictError names the fields
 * that changed meanwhile.
 */
export async function updateApplication(viewer: Viewer, edit: ApplicationEdit): Promise<{ version: number; changed: string[] }> {
  assertCan(viewer, "applications.edit");
  return withViewer(viewer, async (tx) => {
    const row = await tx.application.findFirst({
      where: { id: edit.id },
      select: { version: true, anonymisedAt: true, ...EDITED_SELECT },
    });
    if (!row) throw new NotFoundError();
    if (row.anonymisedAt) throw new DomainValidationError({ id: "anonymised" });
    if (row.version !== edit.version) throw new ConflictError(await changedSince(tx, viewer, edit.id, edit.version));
    const changed = EDITED_COLUMNS.filter((f) => row[f] !== edit[f]);
    if (changed.length === 0) return { version: row.version, changed };
    const version = row.version + 1;
    const data = Object.fromEntries(changed.map((f) => [f, edit[f]]));
    const updated = await tx.application.updateMany({ where: { id: edit.id, version: edit.version }, data: { ...data, version } });
    if (updated.count !== 1) throw new ConflictError(changed);
    await recordChange(tx, viewer, { applicationId: edit.id, type: "EDITED", fields: changed, version });
    await recordAudit(tx, viewer, { action: "application.edited", targetType: "Application", targetId: edit.id, subjectIds: [edit.id], meta: { fields: changed } });
    return { version, changed };
  });
}
