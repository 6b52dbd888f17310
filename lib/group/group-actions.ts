"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireCapability } from "../auth/guards";
import { toActionResult, type ActionResult } from "../http/action-result";
import { confirmRemoval } from "./confirm-removal";
import { setDigestPreference } from "./digest-preference";
import { digestSchema, keepMemberSchema, memberCountSchema, removalSchema, undoSchema, unreachableSchema, violationSchema } from "./group.schema";
import { keepCheckedMember } from "../members/keep-member";
import { markUnreachable } from "./mark-unreachable";
import { reportViolation } from "./report-violation";
import { undoGroupChange } from "./undo-group-change";
import { updateMemberCount } from "./update-member-count";
import { actionWhenDatabaseDown } from "../http/when-database-down";

// The contact person's workspace (/staff/group). Marking someone added is
// changeApplicationStatus (lib/applications/status-actions.ts).

const NOT_FOUND: ActionResult = { ok: false, error: "notFound" };

/** Someone could not be added: with a reason code. */
export async function markApplicationUnreachable(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(unreachableSchema, formData, (input) => markUnreachable(viewer, input), doneUrl) : NOT_FOUND;
  });
}

/** Someone is out of the WhatsApp group: a removal task done, or a member who left. */
export async function confirmGroupRemoval(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(removalSchema, formData, (input) => confirmRemoval(viewer, input), doneUrl) : NOT_FOUND;
  });
}

/** The yearly member check: the member still lives here, keep them (the check starts again). */
export async function keepCheckedMemberAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(keepMemberSchema, formData, (input) => keepCheckedMember(viewer, input), (input) => `/staff/group?done=${input.id}#feedback`) : NOT_FOUND;
  });
}

/** Takes back the contact person's own last change on one person (see undo-group-change.ts). */
export async function undoGroupChangeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(undoSchema, formData, (input) => undoGroupChange(viewer, input), (input) => `/staff/group?undone=${input.id}#feedback`) : NOT_FOUND;
  });
}

/** After a change on one person: the workspace says what happened, with the undo (issue 14 point 10). */
function doneUrl(input: { id: number }): string {
  return `/staff/group?done=${input.id}#feedback`;
}

/** A member broke the group rules: the coordinator decides. */
export async function reportRuleViolation(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(violationSchema, formData, (input) => reportViolation(viewer, input)) : NOT_FOUND;
  });
}

/** The group's member count, copied from WhatsApp. */
export async function updateGroupMemberCount(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(memberCountSchema, formData, (input) => updateMemberCount(viewer, input)) : NOT_FOUND;
  });
}

/** Whether to get a daily mail about new assignments. */
export async function setAssignmentDigest(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("group.work");
    return viewer ? run(digestSchema, formData, (input) => setDigestPreference(viewer, input.digest)) : NOT_FOUND;
  });
}

/**
 * Parses the form with its schema, runs the change, and refreshes the workspace on success; with
 * `then`, goes on to that URL (a change whose card leaves the list shows its confirmation there).
 */
async function run<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  change: (input: z.output<S>) => Promise<unknown>,
  then?: (input: z.output<S>) => string,
): Promise<ActionResult> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await toActionResult(() => change(parsed.data));
  if (result.ok) revalidatePath("/staff/group");
  if (result.ok && then) redirect(then(parsed.data));
  return result;
}
