"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCapability } from "../auth/guards";
import { DomainValidationError, NotFoundError } from "../errors";
import { mappingFromParams } from "./column-mapping";
import { CSV_ENCODINGS, type CsvEncoding } from "./decode-csv";
import { createImportBatch, discardImportBatch, EncodingQuestion, type UploadProblem } from "./import-batches";
import { runImport } from "./run-import";
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from "./upload-limits";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export interface ImportFormState {
  /** Already translated. */
  error?: string;
}

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;

/** The upload form's "encoding" choice: one of CSV_ENCODINGS, or null for "recognise it". */
function chosenEncoding(value: FormDataEntryValue | null): CsvEncoding | null {
  return CSV_ENCODINGS.find((encoding) => encoding === value) ?? null;
}

/** Stores an uploaded CSV and opens its preview. Nothing is imported yet. */
export async function uploadImportAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.import");
    const t = await getTranslations("intake.import.errors");
    if (!viewer) return { error: t("notFound") };
    const file = formData.get("file");
    if (typeof file !== "object" || file === null || !("arrayBuffer" in file) || file.size === 0) return { error: t("nothing") };
    if (file.size > MAX_UPLOAD_BYTES) return { error: t("tooLarge", { size: megabytes }) };
    let id: number;
    try {
      id = await createImportBatch(viewer, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), encoding: chosenEncoding(formData.get("encoding")) });
    } catch (error) {
      if (error instanceof EncodingQuestion) return { error: t("encoding", { windows: error.samples["windows-1252"], mac: error.samples.macintosh }) };
      if (error instanceof DomainValidationError) {
        const problem = error.fieldErrors.file as UploadProblem;
        return { error: t(problem, { size: megabytes, rows: MAX_IMPORT_ROWS }) };
      }
      throw error;
    }
    redirect(`/staff/import/${id}`);
  });
}

/** Imports the checked rows in one transaction, or nothing; see lib/intake/run-import.ts. */
export async function confirmImportAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.import");
    const t = await getTranslations("intake.import.errors");
    if (!viewer) return { error: t("notFound") };
    const params = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    const mapping = mappingFromParams(params, 10_000);
    const expectReady = Number(params.expectReady);
    if (!mapping || !Number.isSafeInteger(expectReady)) return { error: t("unmapped") };
    let outcome;
    try {
      outcome = await runImport(viewer, Number(params.id), { mapping, expectReady, skipProblems: params.skipProblems === "on" });
    } catch (error) {
      if (error instanceof NotFoundError) return { error: t("notFound") };
      throw error;
    }
    if (!outcome.ok) return { error: t(outcome.reason === "nothing" ? "changed" : outcome.reason) };
    redirect(`/staff/import?imported=${outcome.imported}&skipped=${outcome.skipped}`);
  });
}

/** Throws an uploaded file away without importing anything. */
export async function discardImportAction(formData: FormData): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.import");
    if (viewer) await discardImportBatch(viewer, Number(formData.get("id"))).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
    redirect("/staff/import");
  });
}
