"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { applicationEditRefusal, applicationEditSchema } from "./application-edit.schema";
import { assignApplication } from "./assign-application";
import { changeStatus } from "./change-status";
import { mergeDuplicate } from "./duplicates";
import { updateApplication } from "./update-application";
import { APPLICATION_STATUSES } from "./application-query.schema";
import { actionWhenDatabaseDown } from "../http/when-database-down";

const ref = { id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() };

function done(id: number, result: ActionResult): ActionResult {
  if (result.ok) {
    revalidatePath(`/staff/applications/${id}`);
    revalidatePath("/staff/applications");
  }
  return result;
}

/** Saves the coordinator's corrections of name, number, address, e-mail and notes. */
export async function updateApplicationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("applications.edit");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = applicationEditSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return applicationEditRefusal(parsed.error);
    return done(parsed.data.id, await toActionResult(() => updateApplication(viewer, parsed.data)));
  });
}

/** Assigns or reassigns the application to a subarea. */
export async function assignApplicationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("applications.triage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = z.object({ ...ref, subareaId: z.coerce.number("required").int().positive("required") }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    return done(parsed.data.id, await toActionResult(() => assignApplication(viewer, parsed.data)));
  });
}

/** Any other status change from the detail page (reject with reason, back to triage, …). */
export async function changeStatusAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("applications.move");
    if (!viewer || viewer.role !== "COORDINATOR") return { ok: false, error: "notFound" };
    const parsed = z
      .object({
        ...ref,
        to: z.enum(APPLICATION_STATUSES),
        reason: z.union([z.literal(""), z.enum(["OUTSIDE_AREA", "DUPLICATE", "SPAM", "RULE_VIOLATION"])]).optional().transform((v) => v || undefined),
      })
      .safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const { id, version, to, reason } = parsed.data;
    return done(id, await toActionResult(() => changeStatus(viewer, { id, to, reason, seen: { version } })));
  });
}

/** Marks the application as a duplicate of another and merges it into that one. */
export async function mergeDuplicateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("applications.triage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = z.object({ ...ref, originalId: z.coerce.number("required").int().positive("required") }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    return done(parsed.data.id, await toActionResult(() => mergeDuplicate(viewer, parsed.data)));
  });
}
