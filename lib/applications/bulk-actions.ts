"use server";

import { z } from "zod";
import { RejectionReason } from "../db/generated/enums";
import { serverAction } from "../http/server-action";
import { acceptSuggestions, assignApplications, rejectApplications } from "./bulk-update";

const ids = z.array(z.coerce.number().int().positive()).min(1, "noneSelected").max(500);
const bulkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acceptSuggestion"), ids }),
  z.object({ intent: z.literal("assign"), ids, subareaId: z.coerce.number("required").int().positive("required") }),
  z.object({ intent: z.literal("reject"), ids, reason: z.enum(RejectionReason, "required") }),
]);

/**
 * The inbox's bulk form: the checked rows, and the button pressed (intent) — take over each
 * row's suggested subarea, assign to one subarea, or reject with one reason. Rows whose status
 * (or missing suggestion) does not allow it are skipped and counted.
 */
export const bulkApplicationsAction = serverAction({
  capability: "applications.triage",
  schema: bulkSchema,
  lists: ["ids"],
  texts: "staff.inbox",
  revalidate: ["/staff/applications"],
  run: async (input, { viewer, texts }) => {
    const outcome =
      input.intent === "acceptSuggestion"
        ? await acceptSuggestions(viewer, input)
        : input.intent === "assign"
          ? await assignApplications(viewer, input)
          : await rejectApplications(viewer, input);
    const counts = { changed: outcome.changed.length, skipped: outcome.skipped.length };
    return { notice: texts.say(`staff.inbox.${input.intent === "acceptSuggestion" ? "bulkAcceptDone" : "bulkDone"}`, counts) };
  },
});
