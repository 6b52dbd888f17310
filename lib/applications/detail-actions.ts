"use server";

import { z } from "zod";
import { serverAction } from "../http/server-action";
import { applicationEditSchema } from "./application-edit.schema";
import { staffFieldLabel } from "./column-labels";
import { assignApplication } from "./assign-application";
import { mergeDuplicate } from "./duplicates";
import { updateApplication } from "./update-application";

// The detail page's actions (/staff/applications/[id]); its status changes are
// changeApplicationStatus (status-actions.ts).

const ref = { id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() };
const pages = ({ id }: { id: number }) => [`/staff/applications/${id}`, "/staff/applications"];

/** Saves the coordinator's corrections of name, number, address, e-mail and notes. */
export const updateApplicationAction = serverAction({
  capability: "applications.edit",
  schema: applicationEditSchema,
  // A column without its own staff word is named by its register label (column-labels.ts).
  label: (field, texts) => staffFieldLabel(texts)(field),
  revalidate: pages,
  run: async (input, { viewer }) => {
    await updateApplication(viewer, input);
  },
});

/** Assigns or reassigns the application to a subarea. */
export const assignApplicationAction = serverAction({
  capability: "applications.triage",
  schema: z.object({ ...ref, subareaId: z.coerce.number("required").int().positive("required") }),
  revalidate: pages,
  run: async (input, { viewer }) => {
    await assignApplication(viewer, input);
  },
});

/** Marks the application as a duplicate of another and merges it into that one. */
export const mergeDuplicateAction = serverAction({
  capability: "applications.triage",
  schema: z.object({ ...ref, originalId: z.coerce.number("required").int().positive("required") }),
  revalidate: pages,
  run: async (input, { viewer }) => {
    await mergeDuplicate(viewer, input);
  },
});
