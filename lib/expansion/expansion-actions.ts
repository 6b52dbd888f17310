"use server";

import { serverAction } from "../http/server-action";
import { expansionApprovalSchema, expansionUpdateSchema } from "./expansion.schema";
import { approveExpansionRequest, updateExpansionRequest } from "./manage-expansion";

export const updateExpansionAction = serverAction({
  capability: "expansion.manage",
  schema: expansionUpdateSchema,
  revalidate: [["/staff/expansion", "layout"]],
  run: async (input, { viewer }) => {
    await updateExpansionRequest(viewer, input);
  },
});

export const approveExpansionAction = serverAction({
  capability: "expansion.manage",
  schema: expansionApprovalSchema,
  revalidate: [["/staff", "layout"]],
  run: async (input, { viewer }) => {
    const outcome = await approveExpansionRequest(viewer, input);
    // On to the new group's page, which says how many waiting residents it received.
    return { redirect: `/staff/subareas/${outcome.subareaId}?moved=${outcome.moved}&mailed=${outcome.mailed}` };
  },
});
