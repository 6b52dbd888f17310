"use server";

import { serverAction } from "../http/server-action";
import { keepCheckedMember } from "../members/keep-member";
import { confirmRemoval } from "./confirm-removal";
import { setDigestPreference } from "./digest-preference";
import { digestSchema, keepMemberSchema, memberCountSchema, removalSchema, undoSchema, unreachableSchema, violationSchema } from "./group.schema";
import { markUnreachable } from "./mark-unreachable";
import { reportViolation } from "./report-violation";
import { undoGroupChange } from "./undo-group-change";
import { updateMemberCount } from "./update-member-count";

// The contact person's workspace (/staff/group). Each change refreshes the workspace; a change
// whose card leaves its list goes on to the workspace's confirmation, with the undo (issue 14
// point 10). Marking someone added is changeApplicationStatus (lib/applications/status-actions.ts).

const WORKSPACE = ["/staff/group"] as const;
const done = (id: number) => ({ redirect: `/staff/group?done=${id}#feedback` });

/** Someone could not be added: with a reason code. */
export const markApplicationUnreachable = serverAction({
  capability: "group.work",
  schema: unreachableSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await markUnreachable(viewer, input);
    return done(input.id);
  },
});

/** Someone is out of the WhatsApp group: a removal task done, or a member who left. */
export const confirmGroupRemoval = serverAction({
  capability: "group.work",
  schema: removalSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await confirmRemoval(viewer, input);
    return done(input.id);
  },
});

/** The yearly member check: the member still lives here, keep them (the check starts again). */
export const keepCheckedMemberAction = serverAction({
  capability: "group.work",
  schema: keepMemberSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await keepCheckedMember(viewer, input);
    return done(input.id);
  },
});

/** Takes back the contact person's own last change on one person (see undo-group-change.ts). */
export const undoGroupChangeAction = serverAction({
  capability: "group.work",
  schema: undoSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await undoGroupChange(viewer, input);
    return { redirect: `/staff/group?undone=${input.id}#feedback` };
  },
});

/** A member broke the group rules: the coordinator decides. */
export const reportRuleViolation = serverAction({
  capability: "group.work",
  schema: violationSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await reportViolation(viewer, input);
  },
});

/** The group's member count, copied from WhatsApp. */
export const updateGroupMemberCount = serverAction({
  capability: "group.work",
  schema: memberCountSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await updateMemberCount(viewer, input);
  },
});

/** Whether to get a daily mail about new assignments. */
export const setAssignmentDigest = serverAction({
  capability: "group.work",
  schema: digestSchema,
  revalidate: WORKSPACE,
  run: async (input, { viewer }) => {
    await setDigestPreference(viewer, input.digest);
  },
});
