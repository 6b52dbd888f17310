"use server";

import { z } from "zod";
import { formAction, serverAction } from "../http/server-action";
import { kickMailWorker } from "../mail/mail-worker";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { RESIDENT_DETAIL_FIELDS, residentDetailsSchema } from "./apply.schema";
import { applicationIdForToken, confirmOwnEmail, correctOwnApplication, eraseOwnApplication, withdrawOwnApplication } from "./own-application";

// The private page's actions. Each one finds the application by the token in the form (the
// same token as in the page's address); without a valid token there is nothing to act on.

const token = z.string().max(200).catch("").default("");

export const correctOwnDetails = serverAction({
  public: { limit: PUBLIC_LIMITS.manage, outageNotice: true },
  schema: residentDetailsSchema.extend({
    token,
    version: z.coerce.number().int().positive().optional().catch(undefined),
  }),
  keep: RESIDENT_DETAIL_FIELDS,
  run: async ({ token, version, ...details }, { refuse }) => {
    if (version === undefined) return refuse("conflict");
    const id = await applicationIdForToken(token);
    if (id === null) return refuse("notFound");
    const result = await correctOwnApplication(id, details, version);
    if (result.changed.includes("email")) kickMailWorker();
    return { redirect: `/manage/${result.newToken ?? token}?done=${result.newToken ? "emailChanged" : result.changed.length ? "saved" : "unchanged"}` };
  },
});

/**
 * One step on the application of the form's token, then back to the page with the outcome; a
 * refusal (conflict, transition, not found, database down) goes back with `?error=`.
 */
function ownApplicationStep(done: "confirmed" | "withdrawn" | "erased", step: (id: number) => Promise<unknown>) {
  return {
    schema: z.object({ token, confirm: z.string().optional().catch(undefined) }),
    refused: (result: { reason: string }, formData: FormData) =>
      `/manage/${encodeURIComponent(String(formData.get("token") ?? ""))}?error=${result.reason === "invalid" ? "notFound" : result.reason}`,
    run: async ({ token, confirm }: { token: string; confirm?: string }) => {
      if (done === "erased" && confirm !== "on") return { redirect: `/manage/${encodeURIComponent(token)}?error=confirmErase#erase` };
      const id = await applicationIdForToken(token);
      if (id === null) return { redirect: "/manage/invalid" };
      await step(id);
      return { redirect: done === "erased" ? "/manage/erased" : `/manage/${token}?done=${done}` };
    },
  };
}

export const confirmOwnEmailAddress = formAction({ public: { outageNotice: true }, ...ownApplicationStep("confirmed", (id) => confirmOwnEmail(id)) });
export const withdrawOwnApplicationAction = formAction({ public: { outageNotice: true }, ...ownApplicationStep("withdrawn", (id) => withdrawOwnApplication(id)) });
export const eraseOwnApplicationAction = formAction({ public: { outageNotice: true }, ...ownApplicationStep("erased", (id) => eraseOwnApplication(id)) });
