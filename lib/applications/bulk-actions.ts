"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "../auth/guards";
import { toActionResult, type ActionResult } from "../http/action-result";
import { assignApplications, rejectApplications } from "./bulk-update";

const ids = z.array(z.coerce.number().int().positive()).min(1).max(500);

/** Bulk assign from the inbox: the checked rows to one subarea. */
export async function assignApplicationsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("assignApplications");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = z.object({ ids, subareaId: z.coerce.number().int().positive() }).safeParse({
    ids: formData.getAll("ids"),
    subareaId: formData.get("subareaId"),
  });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await toActionResult(() => assignApplications(viewer, parsed.data));
  if (result.ok) revalidatePath("/staff/applications");
  return result;
}

/** Bulk reject from the inbox: the checked rows, with one reason. */
export async function rejectApplicationsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("rejectApplications");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = z.object({ ids, reason: z.enum(["OUTSIDE_AREA", "DUPLICATE", "SPAM", "RULE_VIOLATION"]) }).safeParse({
    ids: formData.getAll("ids"),
    reason: formData.get("reason"),
  });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await toActionResult(() => rejectApplications(viewer, parsed.data));
  if (result.ok) revalidatePath("/staff/applications");
  return result;
}
