import "server-only";
import type { ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { findActiveDuplicates } from "../applications/find-active-duplicate";
import { loadAddressBook } from "../subareas/load-address-book";
import type { Tx } from "../db/scope";
import { DomainValidationError, NotFoundError } from "../errors";
import { parseImportRows, rowAddresses, summariseImport, validMobiles, type ImportCheck } from "./check-import-rows";
import { guessColumnMapping, missingColumns, type ColumnMapping } from "./column-mapping";
import { decodeCsv, type CsvEncoding } from "./decode-csv";
import { parseCsv, type CsvTable } from "./parse-csv";
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from "./upload-limits";

export type UploadProblem = "tooLarge" | "empty" | "unreadable" | "encoding" | "quotes" | "tooManyRows" | "noRows";

/** The file reads equally well as Windows-1252 and as Mac Roman: the coordinator is asked which, with a line in each reading. */
export class EncodingQuestion extends DomainValidationError {
  constructor(readonly samples: Record<"windows-1252" | "macintosh", string>) {
    super({ file: "encoding" });
  }
}

/**
 * Stores an uploaded CSV for its preview, decoded as `encoding` (the coordinator's choice) or
 * as recognised (null). Refused (DomainValidationError with `file`) when it is too large, not
 * text, badly quoted, without data rows or over the row limit; an EncodingQuestion when its
 * encoding cannot be told.
 */
export async function createImportBatch(
  viewer: ViewerWith<"intake.import">,
  file: { name: string; bytes: Uint8Array; encoding?: CsvEncoding | null },
): Promise<number> {
  const refuse = (problem: UploadProblem) => new DomainValidationError({ file: problem });
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw refuse("tooLarge");
  if (file.bytes.byteLength === 0) throw refuse("empty");
  const decoded = decodeCsv(file.bytes, file.encoding ?? null);
  if (!decoded.ok) throw decoded.error === "encoding" ? new EncodingQuestion(decoded.samples) : refuse(decoded.error);
  const text = decoded.text;
  const parsed = parseCsv(text);
  if (!parsed.ok) throw refuse(parsed.error);
  const rowCount = parsed.table.rows.filter((row) => row.length > 0).length;
  if (rowCount === 0) throw refuse("noRows");
  if (parsed.table.rows.length > MAX_IMPORT_ROWS) throw refuse("tooManyRows");
  const batch = await withViewer(viewer, (tx) =>
    tx.importBatch.create({
      data: { createdById: viewer.userId, fileName: file.name.slice(0, 200) || "import.csv", content: text, rowCount },
      select: { id: true },
    }),
  );
  return batch.id;
}

export interface ImportPreview {
  id: number;
  fileName: string;
  createdAt: Date;
  table: CsvTable;
  mapping: ColumnMapping;
  /** Required fields without a column: the rows are not checked until they are mapped. */
  missing: string[];
  check: ImportCheck | null;
}

/** Reads a batch and checks every row against the rules and the database, as the import will. */
export async function checkBatch(tx: Tx, id: number, mapping: ColumnMapping | null): Promise<ImportPreview> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  const batch = await tx.importBatch.findUnique({ where: { id }, select: { id: true, fileName: true, content: true, createdAt: true } });
  if (!batch) throw new NotFoundError();
  const parsed = parseCsv(batch.content);
  if (!parsed.ok) throw new NotFoundError();
  const table = parsed.table;
  // A column index past the file's last column (a stale form) counts as "not in the file".
  const chosen = mapping
    ? (Object.fromEntries(Object.entries(mapping).map(([field, index]) => [field, index !== null && index < table.header.length ? index : null])) as ColumnMapping)
    : guessColumnMapping(table.header);
  const missing = missingColumns(chosen);
  let check: ImportCheck | null = null;
  if (missing.length === 0) {
    const rows = parseImportRows(table, chosen, await loadAddressBook(tx, rowAddresses(table, chosen)));
    check = summariseImport(rows, await findActiveDuplicates(tx, validMobiles(rows)));
  }
  return { id: batch.id, fileName: batch.fileName, createdAt: batch.createdAt, table, mapping: chosen, missing, check };
}

/** The preview of an upload, with the names of the subareas its rows would go to. */
export async function getImportPreview(
  viewer: ViewerWith<"intake.import">,
  id: number,
  mapping: ColumnMapping | null,
): Promise<ImportPreview & { subareaNames: Record<number, string> }> {
  return withViewer(
    viewer,
    async (tx) => {
      const preview = await checkBatch(tx, id, mapping);
      const subareas = await tx.subarea.findMany({ select: { id: true, name: true } });
      return { ...preview, subareaNames: Object.fromEntries(subareas.map((s) => [s.id, s.name])) };
    },
    { timeout: 60_000 },
  );
}

/** Uploaded files not yet imported, newest first. */
export async function listImportBatches(viewer: ViewerWith<"intake.import">) {
  return withViewer(viewer, (tx) =>
    tx.importBatch.findMany({ select: { id: true, fileName: true, rowCount: true, createdAt: true }, orderBy: { id: "desc" }, take: 50 }),
  );
}

export async function discardImportBatch(viewer: ViewerWith<"intake.import">, id: number): Promise<void> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  const { count } = await withViewer(viewer, (tx) => tx.importBatch.deleteMany({ where: { id } }));
  if (count !== 1) throw new NotFoundError();
}
