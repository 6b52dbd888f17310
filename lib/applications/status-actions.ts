"use server";

import { z } from "zod";
import { can } from "../auth/guards";
import { RejectionReason } from "../db/generated/enums";
import { serverAction } from "../http/server-action";
import { APPLICATION_STATUSES } from "./application-query.schema";
import { changeStatus } from "./change-status";

const statusChangeSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive().optional(),
  from: z.enum(APPLICATION_STATUSES).optional(),
  to: z.enum(APPLICATION_STATUSES),
  reason: z.union([z.literal(""), z.enum(RejectionReason)]).optional().transform((v) => v || undefined),
  returnTo: z.enum(["/staff/group", "/staff/applications"]).default("/staff/group"),
});

/**
 * Changes one application's status: the one action for every status change by hand (a contact
 * person marking someone added, a coordinator rejecting from the detail page or moving it back
 * to triage). The status machine decides which moves the viewer's role may make.
 */
export const changeApplicationStatus = serverAction({
  capability: "applications.move",
  schema: statusChangeSchema,
  revalidate: ({ id, returnTo }) => (returnTo === "/staff/applications" ? [returnTo, `/staff/applications/${id}`] : [returnTo]),
  run: async ({ returnTo, version, from, ...change }, { viewer, refuse }) => {
    const seen = version !== undefined ? { version } : from !== undefined ? { status: from } : null;
    if (!seen) return refuse("invalid");
    await changeStatus(viewer, { ...change, seen });
    // The contact person's card leaves its list: the workspace says what happened, with an undo.
    if (returnTo === "/staff/group" && can(viewer, "group.work")) return { redirect: `/staff/group?done=${change.id}#feedback` };
  },
});
