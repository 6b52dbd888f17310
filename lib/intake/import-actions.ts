"use server";

import { z } from "zod";
import { DomainValidationError } from "../errors";
import { formAction, serverAction } from "../http/server-action";
import { mappingFromParams } from "./column-mapping";
import { CSV_ENCODINGS, type CsvEncoding } from "./decode-csv";
import { createImportBatch, discardImportBatch, EncodingQuestion, type UploadProblem } from "./import-batches";
import { runImport } from "./run-import";
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from "./upload-limits";

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;

/** The upload form's "encoding" choice: one of CSV_ENCODINGS, or null for "recognise it". */
function chosenEncoding(value: FormDataEntryValue | null): CsvEncoding | null {
  return CSV_ENCODINGS.find((encoding) => encoding === value) ?? null;
}

/** Stores an uploaded CSV and opens its preview. Nothing is imported yet. */
export const uploadImportAction = serverAction({
  capability: "intake.import",
  schema: z.object({}),
  texts: "intake.import",
  run: async (_input, { viewer, formData, refuse }) => {
    const file = formData.get("file");
    if (typeof file !== "object" || file === null || !("arrayBuffer" in file) || file.size === 0) return refuse("nothing");
    if (file.size > MAX_UPLOAD_BYTES) return refuse("tooLarge", { size: megabytes });
    try {
      const id = await createImportBatch(viewer, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), encoding: chosenEncoding(formData.get("encoding")) });
      return { redirect: `/staff/import/${id}` };
    } catch (error) {
      if (error instanceof EncodingQuestion) return refuse("encoding", { windows: error.samples["windows-1252"], mac: error.samples.macintosh });
      if (error instanceof DomainValidationError) return refuse(error.fieldErrors.file as UploadProblem, { size: megabytes, rows: MAX_IMPORT_ROWS });
      throw error;
    }
  },
});

/** Imports the checked rows in one transaction, or nothing; see lib/intake/run-import.ts. */
export const confirmImportAction = serverAction({
  capability: "intake.import",
  schema: z.object({}),
  texts: "intake.import",
  run: async (_input, { viewer, formData, refuse }) => {
    const params = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    const mapping = mappingFromParams(params, 10_000);
    const expectReady = Number(params.expectReady);
    if (!mapping || !Number.isSafeInteger(expectReady)) return refuse("unmapped");
    const outcome = await runImport(viewer, Number(params.id), { mapping, expectReady, skipProblems: params.skipProblems === "on" });
    if (!outcome.ok) return refuse(outcome.reason === "nothing" ? "changed" : outcome.reason);
    return { redirect: `/staff/import?imported=${outcome.imported}&skipped=${outcome.skipped}` };
  },
});

/** Throws an uploaded file away without importing anything; back to the list either way. */
export const discardImportAction = formAction({
  capability: "intake.import",
  schema: z.object({ id: z.coerce.number().catch(0) }),
  refused: () => "/staff/import",
  run: async ({ id }, { viewer }) => {
    await discardImportBatch(viewer, id);
    return { redirect: "/staff/import" };
  },
});
