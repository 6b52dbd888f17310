import "server-only";

/**
 * How far a running import is, per batch id, in this process's memory. The import is one
 * transaction, so nothing of it is visible in the database until it commits; the page polls
 * this through /api/staff/import/[id]/progress. With several app instances a poll may reach
 * another instance, which answers "unknown" and the bar simply stays indeterminate.
 */
export interface ImportProgress {
  done: number;
  total: number;
}

const holder = globalThis as unknown as { __importProgress?: Map<number, ImportProgress & { at: number }> };
const running = (holder.__importProgress ??= new Map());

export function reportImportProgress(batchId: number, progress: ImportProgress | null): void {
  if (progress) running.set(batchId, { ...progress, at: Date.now() });
  else running.delete(batchId);
  // Forget imports that ended without saying so (a crash mid-way) after ten minutes.
  for (const [id, entry] of running) if (Date.now() - entry.at > 600_000) running.delete(id);
}

export function importProgress(batchId: number): ImportProgress | null {
  const entry = running.get(batchId);
  return entry ? { done: entry.done, total: entry.total } : null;
}
