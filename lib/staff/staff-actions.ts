"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { inviteStaffSchema } from "./staff.schema";
import { changeStaffRole, deactivateStaff, setStaffSubareas } from "./update-staff";
import { inviteStaff, reactivateStaff } from "./manage-staff";
import { actionWhenDatabaseDown } from "../http/when-database-down";

const userRef = z.object({ userId: z.string().min(1).max(64) });

function done(result: ActionResult): ActionResult {
  if (result.ok) revalidatePath("/staff/staff");
  return result;
}

export async function inviteStaffAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("staff.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = inviteStaffSchema.safeParse({ ...Object.fromEntries(formData), subareaIds: formData.getAll("subareaIds") });
    if (!parsed.success) return invalid(parsed.error);
    return done(await toActionResult(() => inviteStaff(viewer, parsed.data)));
  });
}

export async function setStaffSubareasAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("staff.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = userRef.extend({ subareaIds: z.array(z.coerce.number().int().positive()).max(50) }).safeParse({ userId: formData.get("userId"), subareaIds: formData.getAll("subareaIds") });
    if (!parsed.success) return invalid(parsed.error);
    return done(await toActionResult(() => setStaffSubareas(viewer, parsed.data.userId, parsed.data.subareaIds)));
  });
}

export async function changeStaffRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("staff.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = userRef.extend({ role: z.enum(["COORDINATOR", "CONTACT_PERSON"]) }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    return done(await toActionResult(() => changeStaffRole(viewer, parsed.data.userId, parsed.data.role)));
  });
}

/** Deactivate or reactivate, by the button pressed (intent). */
export async function setStaffActiveAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("staff.manage");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = userRef.extend({ intent: z.enum(["deactivate", "reactivate"]) }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const { userId, intent } = parsed.data;
    return done(await toActionResult(() => (intent === "deactivate" ? deactivateStaff(viewer, userId) : reactivateStaff(viewer, userId))));
  });
}
