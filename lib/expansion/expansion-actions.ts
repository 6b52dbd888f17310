"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { expansionApprovalSchema, expansionUpdateSchema } from "./expansion.schema";
import { approveExpansionRequest, updateExpansionRequest } from "./manage-expansion";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function updateExpansionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("expansion.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = expansionUpdateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => updateExpansionRequest(viewer, parsed.data));
    if (result.ok) revalidatePath("/staff/expansion", "layout");
    return result;
  });
}

export async function approveExpansionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("expansion.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = expansionApprovalSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    let outcome = { subareaId: 0, moved: 0, mailed: 0 };
    const result = await toActionResult(async () => (outcome = await approveExpansionRequest(viewer, parsed.data)));
    if (!result.ok) return result;
    revalidatePath("/staff", "layout");
    // On to the new group's page, which says how many waiting residents it received.
    redirect(`/staff/subareas/${outcome.subareaId}?moved=${outcome.moved}&mailed=${outcome.mailed}`);
  });
}
