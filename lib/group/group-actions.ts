"use server";

import { revalidatePath } from "next/cache";
import { requireAction } from "../auth/guards";
import { toActionResult, type ActionResult } from "../http/action-result";
import { confirmRemoval } from "./confirm-removal";
import { setDigestPreference } from "./digest-preference";
import { digestSchema, memberCountSchema, removalSchema, unreachableSchema, violationSchema } from "./group.schema";
import { markUnreachable } from "./mark-unreachable";
import { reportViolation } from "./report-violation";
import { updateMemberCount } from "./update-member-count";

// The contact person's workspace (/staff/group). Marking someone added is
// changeApplicationStatus (lib/applications/status-actions.ts).

/** Someone could not be added: with a reason code. */
export async function markApplicationUnreachable(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("markApplicationUnreachable");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = unreachableSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  return done(await toActionResult(() => markUnreachable(viewer, parsed.data)));
}

/** Someone is out of the WhatsApp group: a removal task done, or a member who left. */
export async function confirmGroupRemoval(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("confirmGroupRemoval");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = removalSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  return done(await toActionResult(() => confirmRemoval(viewer, parsed.data)));
}

/** A member broke the group rules: the coordinator decides. */
export async function reportRuleViolation(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("reportRuleViolation");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = violationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  return done(await toActionResult(() => reportViolation(viewer, parsed.data)));
}

/** The group's member count, copied from WhatsApp. */
export async function updateGroupMemberCount(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("updateGroupMemberCount");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = memberCountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  return done(await toActionResult(() => updateMemberCount(viewer, parsed.data)));
}

/** Whether to get a daily mail about new assignments. */
export async function setAssignmentDigest(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await requireAction("setAssignmentDigest");
  if (!viewer) return { ok: false, error: "notFound" };
  const parsed = digestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  return done(await toActionResult(() => setDigestPreference(viewer, parsed.data.digest)));
}

function done(result: ActionResult): ActionResult {
  if (result.ok) revalidatePath("/staff/group");
  return result;
}
