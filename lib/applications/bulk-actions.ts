"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { acceptSuggestions, assignApplications, rejectApplications, type BulkResult } from "./bulk-update";
import { actionWhenDatabaseDown } from "../http/when-database-down";

const ids = z.array(z.coerce.number().int().positive()).min(1, "noneSelected").max(500);
const bulkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acceptSuggestion"), ids }),
  z.object({ intent: z.literal("assign"), ids, subareaId: z.coerce.number("required").int().positive("required") }),
  z.object({ intent: z.literal("reject"), ids, reason: z.enum(["OUTSIDE_AREA", "DUPLICATE", "SPAM", "RULE_VIOLATION"], "required") }),
]);

/**
 * The inbox's bulk form: the checked rows, and the button pressed (intent) — take over each
 * row's suggested subarea, assign to one subarea, or reject with one reason. Rows whose status
 * (or missing suggestion) does not allow it are skipped and counted.
 */
export async function bulkApplicationsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const parsed = bulkSchema.safeParse({
      intent: formData.get("intent"),
      ids: formData.getAll("ids"),
      subareaId: formData.get("subareaId") || undefined,
      reason: formData.get("reason") || undefined,
    });
    if (!parsed.success) return invalid(parsed.error);
    const input = parsed.data;
    let outcome: BulkResult = { changed: [], skipped: [] };
    let result: ActionResult;
    if (input.intent === "acceptSuggestion") {
      const viewer = await requireCapability("applications.triage");
      if (!viewer) return { ok: false, error: "notFound" };
      result = await toActionResult(async () => (outcome = await acceptSuggestions(viewer, input)));
    } else if (input.intent === "assign") {
      const viewer = await requireCapability("applications.triage");
      if (!viewer) return { ok: false, error: "notFound" };
      result = await toActionResult(async () => (outcome = await assignApplications(viewer, input)));
    } else {
      const viewer = await requireCapability("applications.triage");
      if (!viewer) return { ok: false, error: "notFound" };
      result = await toActionResult(async () => (outcome = await rejectApplications(viewer, input)));
    }
    if (!result.ok) return result;
    revalidatePath("/staff/applications");
    const t = await getTranslations("staff.inbox");
    const counts = { changed: outcome.changed.length, skipped: outcome.skipped.length };
    return { ok: true, notice: t(input.intent === "acceptSuggestion" ? "bulkAcceptDone" : "bulkDone", counts) };
  });
}
