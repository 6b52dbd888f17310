"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCapability } from "../auth/guards";
import { invalid, toActionResult, type ActionResult } from "../http/action-result";
import { markMessageAnswered, replyToMessage } from "./manage-messages";
import { replySchema } from "./message.schema";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function replyToMessageAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("messages.answer");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = replySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => replyToMessage(viewer, parsed.data));
    if (result.ok) revalidatePath("/staff/messages");
    return result;
  });
}

export async function markMessageAnsweredAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionWhenDatabaseDown(async () => {
    const viewer = await requireCapability("messages.answer");
    if (!viewer) return { ok: false, error: "notFound" };
    const parsed = z.object({ id: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error);
    const result = await toActionResult(() => markMessageAnswered(viewer, parsed.data.id));
    if (result.ok) revalidatePath("/staff/messages");
    return result;
  });
}
