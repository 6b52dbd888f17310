"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCapability } from "../auth/guards";
import { DomainValidationError } from "../errors";
import { toActionResult, type ActionResult } from "../http/action-result";
import { closePrivacyRequest } from "./close-privacy-request";
import { erasePrivacySubject } from "./erase-privacy-subject";
import type { PrivacyFormState } from "./privacy-form-state";
import { closePrivacyRequestSchema, recordPrivacyRequestSchema } from "./privacy-request.schema";
import { recordPrivacyRequest } from "./record-privacy-request";
import { actionWhenDatabaseDown } from "../http/when-database-down";

/** A coordinator records a request; on success the request's page, with its deadline. */
export async function recordPrivacyRequestAction(_previous: PrivacyFormState, formData: FormData): Promise<PrivacyFormState> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("privacy.handle");
    const t = await getTranslations("staffPrivacy");
    if (!viewer) return { message: t("errors.notFound") };
    const values = Object.fromEntries(["type", "applicationId", "receivedOn", "note"].map((k) => [k, String(formData.get(k) ?? "").slice(0, 1000)]));
    const parsed = recordPrivacyRequestSchema.safeParse(values);
    const fieldMessage = (field: string, code: string) => t(`fieldErrors.${field}.${code}` as "fieldErrors.type.required");
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        fieldErrors[field] ??= fieldMessage(field, field === "type" ? "required" : field === "applicationId" ? "number" : field === "receivedOn" ? "date" : "tooLong");
      }
      return { message: t("errors.invalid"), fieldErrors, values };
    }
    let id: number;
    try {
      ({ id } = await recordPrivacyRequest(viewer, parsed.data));
    } catch (error) {
      if (error instanceof DomainValidationError) {
        const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, code]) => [field, fieldMessage(field, code)]));
        return { message: t("errors.invalid"), fieldErrors, values };
      }
      throw error;
    }
    revalidatePath("/staff/privacy");
    redirect(`/staff/privacy/${id}`);
  });
}

/** Closes a request as answered or refused. */
export async function closePrivacyRequestAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("privacy.handle");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = closePrivacyRequestSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, error: "invalid" };
    const result = await toActionResult(() => closePrivacyRequest(viewer, parsed.data));
    if (result.ok) revalidatePath(`/staff/privacy/${parsed.data.id}`);
    return result;
  });
}

/** Carries out an erasure request. */
export async function erasePrivacySubjectAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("privacy.erase");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = closePrivacyRequestSchema.pick({ id: true }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, error: "invalid" };
    const result = await toActionResult(() => erasePrivacySubject(viewer, parsed.data.id));
    if (result.ok) revalidatePath(`/staff/privacy/${parsed.data.id}`);
    return result;
  });
}
