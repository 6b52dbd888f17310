"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireAction } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { expansionApprovalSchema, expansionUpdateSchema } from "./expansion.schema";
import { approveExpansionRequest, updateExpansionRequest } from "./manage-expansion";

export async function updateExpansionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("manageExpansion");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = expansionUpdateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await toActionResult(() => updateExpansionRequest(viewer, parsed.data));
  if (result.ok) revalidatePath("/staff/expansion", "layout");
  return result;
}

export async function approveExpansionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("manageExpansion");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = expansionApprovalSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  let moved = 0;
  const result = await toActionResult(async () => ({ moved } = await approveExpansionRequest(viewer, parsed.data)));
  if (!result.ok) return result;
  revalidatePath("/staff", "layout");
  return { ok: true, notice: (await getTranslations("staff.expansion"))("approved", { moved }) };
}
