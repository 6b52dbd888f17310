"use server";

import { revalidatePath } from "next/cache";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { actionWhenDatabaseDown } from "../http/when-database-down";
import { neighbourhoodTextsSchema, textsFromForm } from "./neighbourhood-texts.schema";
import { saveNeighbourhoodTexts } from "./neighbourhood-texts";

/** Saves the neighbourhood's own texts (both languages) from /staff/settings. */
export async function saveNeighbourhoodTextsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("settings.edit");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = neighbourhoodTextsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => saveNeighbourhoodTexts(viewer, textsFromForm(parsed.data)));
    if (result.ok) for (const path of ["/", "/volunteer", "/staff/settings"]) revalidatePath(path);
    return result;
  });
}
