"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { toActionResult, type ActionResult } from "../http/action-result";
import { handleViolationReport } from "./violation-reports";
import { actionWhenDatabaseDown } from "../http/when-database-down";

const handleSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The coordinator closes a rule-violation report. */
export async function closeViolationReport(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("violations.handle");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = handleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, error: "invalid" };
    const result = await toActionResult(() => handleViolationReport(viewer, parsed.data.id));
    if (result.ok) revalidatePath("/staff/violations");
    return result;
  });
}
