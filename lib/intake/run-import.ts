import "server-only";
import type { ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import { insertApplications } from "../applications/insert-applications";
import { NotFoundError } from "../errors";
import type { ColumnMapping } from "./column-mapping";
import { checkBatch } from "./import-batches";
import { reportImportProgress } from "./import-progress";

export interface ImportConfirmation {
  mapping: ColumnMapping;
  /** How many rows the preview showed as ready: the import refuses if that has changed since. */
  expectReady: number;
  /** The coordinator explicitly chose to leave out the rows with problems or duplicate numbers. */
  skipProblems: boolean;
}

export type ImportOutcome =
  | { ok: true; imported: number; skipped: number; ids: number[] }
  /** unmapped: a required field has no column; problems: rows would be left out and the
   * coordinator did not agree; changed: the check differs from the preview; nothing: no row is ready. */
  | { ok: false; reason: "unmapped" | "problems" | "changed" | "nothing" };

/**
 * Imports a checked spreadsheet (source IMPORT) in ONE transaction: every ready row, or — on any
 * failure — none. Rows with problems or duplicate numbers block the import until the coordinator
 * explicitly chooses to leave them out (`skipProblems`); they are never imported. The batch is
 * locked, checked again against the database, inserted in bulk and deleted; one audit event
 * holds the count and the new ids.
 */
export async function runImport(viewer: ViewerWith<"intake.import">, id: number, confirmation: ImportConfirmation): Promise<ImportOutcome> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  try {
    return await withViewer(
      viewer,
      async (tx) => {
        // A second click, or a second coordinator, waits here and then finds the batch gone.
        const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "ImportBatch" WHERE id = ${id} FOR UPDATE`;
        if (locked.length === 0) throw new NotFoundError();
        const preview = await checkBatch(tx, id, confirmation.mapping);
        const check = preview.check;
        if (!check) return { ok: false, reason: "unmapped" } as const;
        const skipped = check.invalidRows + check.duplicates.length;
        if (skipped > 0 && !confirmation.skipProblems) return { ok: false, reason: "problems" } as const;
        if (check.ready.length !== confirmation.expectReady) return { ok: false, reason: "changed" } as const;
        if (check.ready.length === 0) return { ok: false, reason: "nothing" } as const;

        const total = check.ready.length;
        reportImportProgress(id, { done: 0, total });
        const ids = await insertApplications(
          tx,
          viewer,
          check.ready.map((r) => r.application),
          { source: "IMPORT", batchSize: 2_000, onBatch: (done) => reportImportProgress(id, { done, total }) },
        );
        await recordAudit(tx, viewer, {
          action: "applications.imported",
          subjectIds: ids,
          meta: { count: ids.length, skippedInvalid: check.invalidRows, skippedDuplicates: check.duplicates.length },
        });
        await tx.importBatch.delete({ where: { id }, select: { id: true } });
        return { ok: true, imported: ids.length, skipped, ids } as const;
      },
      { timeout: 300_000 },
    );
  } finally {
    reportImportProgress(id, null);
  }
}
