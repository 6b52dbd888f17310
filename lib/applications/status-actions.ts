"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { toActionResult, type ActionResult } from "../http/action-result";
import { APPLICATION_STATUSES } from "./application-query.schema";
import { changeStatus } from "./change-status";
import { actionWhenDatabaseDown } from "../http/when-database-down";

const statusChangeSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive().optional(),
  from: z.enum(APPLICATION_STATUSES).optional(),
  to: z.enum(APPLICATION_STATUSES),
  reason: z.enum(["OUTSIDE_AREA", "DUPLICATE", "SPAM", "RULE_VIOLATION"]).optional(),
  returnTo: z.enum(["/staff/group", "/staff/applications"]).default("/staff/group"),
});

/** Changes one application's status (a contact person marking someone added, a coordinator rejecting…). */
export async function changeApplicationStatus(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("applications.move");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = statusChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, error: "invalid" };
    const { returnTo, version, from, ...change } = parsed.data;
    const seen = version !== undefined ? { version } : from !== undefined ? { status: from } : null;
    if (!seen) return { ok: false, error: "invalid" };
    const result = await toActionResult(() => changeStatus(viewer, { ...change, seen }));
    if (result.ok) revalidatePath(returnTo);
    // The contact person's card leaves its list: the workspace says what happened, with an undo.
    if (result.ok && viewer.role === "CONTACT_PERSON" && returnTo === "/staff/group") redirect(`/staff/group?done=${change.id}#feedback`);
    return result;
  });
}
