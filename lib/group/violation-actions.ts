"use server";

import { z } from "zod";
import { serverAction } from "../http/server-action";
import { handleViolationReport } from "./violation-reports";

/** The coordinator closes a rule-violation report. */
export const closeViolationReport = serverAction({
  capability: "violations.handle",
  schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  revalidate: ["/staff/violations"],
  run: async ({ id }, { viewer }) => {
    await handleViolationReport(viewer, id);
  },
});
