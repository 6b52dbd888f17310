"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { APPLICATION_FIELDS, type ApplicationField } from "../applications/application-fields.schema";
import { requireCapability } from "../auth/guards";
import { NotFoundError } from "../errors";
import { createMailDrafts, UnreadableMailError, type MailInput } from "./create-mail-drafts";
import { discardMailDraft } from "./mail-drafts";
import { saveMailDraft } from "./save-mail-draft";
import { MAX_MAIL_FILES, MAX_UPLOAD_BYTES } from "./upload-limits";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export interface UploadState {
  /** Already translated. */
  error?: string;
}

export interface MailDraftFormState {
  values?: Record<ApplicationField, string>;
  /** Already translated, per field. */
  fieldErrors?: Partial<Record<ApplicationField, string>>;
  message?: string;
  link?: { href: string; label: string };
}

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;

/** Reads uploaded .eml files and/or a pasted mail into drafts, then opens the (first) draft. */
export async function uploadMailAction(_previous: UploadState, formData: FormData): Promise<UploadState> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.mail");
    if (!viewer) return { error: (await getTranslations("staff.errors"))("notFound") };
    const t = await getTranslations("intake.mail");
    const files = formData.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
    const pasted = String(formData.get("pasted") ?? "").trim();
    if (files.length === 0 && !pasted) return { error: t("errors.nothing") };
    if (files.length > MAX_MAIL_FILES) return { error: t("errors.tooMany", { count: MAX_MAIL_FILES }) };
    const total = files.reduce((sum, f) => sum + f.size, 0) + Buffer.byteLength(pasted);
    if (total > MAX_UPLOAD_BYTES) return { error: t("errors.tooLarge", { size: megabytes }) };

    const inputs: MailInput[] = await Promise.all(files.map(async (f) => ({ fileName: f.name, source: Buffer.from(await f.arrayBuffer()) })));
    if (pasted) inputs.push({ fileName: null, source: pasted });
    let ids: number[];
    try {
      ids = await createMailDrafts(viewer, inputs);
    } catch (error) {
      if (error instanceof UnreadableMailError) return { error: t("errors.unreadable", { file: error.fileName ?? t("pastedMail") }) };
      throw error;
    }
    redirect(ids.length === 1 ? `/staff/intake/${ids[0]}` : `/staff/intake?added=${ids.length}`);
  });
}

/** Saves a checked draft as an application, or says why not (per field, outside the area, duplicate). */
export async function saveMailDraftAction(_previous: MailDraftFormState, formData: FormData): Promise<MailDraftFormState> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.mail");
    const t = await getTranslations("intake");
    if (!viewer) return { message: t("mail.gone") };
    const values = Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, String(formData.get(field) ?? "").slice(0, 1000)])) as Record<ApplicationField, string>;
    const id = Number(formData.get("id"));
    let result;
    try {
      result = await saveMailDraft(viewer, id, values);
    } catch (error) {
      if (error instanceof NotFoundError) return { values, message: t("mail.gone") };
      throw error;
    }
    if (result.ok) redirect(`/staff/intake?saved=${result.applicationId}&status=${result.status}`);
    if ("fieldErrors" in result) {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, code]) => [field, t(`fieldErrors.${field as ApplicationField}`, { code })]),
      );
      return { values, fieldErrors, message: t("mail.invalid") };
    }
    if ("outside" in result) return { values, message: t("mail.outside") };
    const status = (await getTranslations("staff"))(`status.${result.duplicateOf.status}`);
    return {
      values,
      message: t("mail.duplicate", { status }),
      link: { href: `/staff/applications/${result.duplicateOf.id}`, label: t("mail.duplicateLink", { id: result.duplicateOf.id }) },
    };
  });
}

/** Throws a draft away; the mail stays in the mailbox. */
export async function discardMailDraftAction(formData: FormData): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("intake.mail");
    if (viewer) await discardMailDraft(viewer, Number(formData.get("id"))).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
    redirect("/staff/intake");
  });
}
