"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { withScope } from "../db";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";
import { clientAddress } from "../http/client-address";
import { kickMailWorker } from "../mail/mail-worker";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import type { FormState } from "../public-forms/form-state";
import { fieldErrors, formValues, translateErrors } from "../public-forms/handle-public-form";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { residentDetailsSchema } from "./apply.schema";
import { applicationIdForToken, confirmOwnEmail, correctOwnApplication, eraseOwnApplication, withdrawOwnApplication } from "./own-application";
import { actionWhenDatabaseDown } from "../http/when-database-down";

// The private page's actions. Each one finds the application by the token in the form (the
// same token as in the page's address); without a valid token there is nothing to act on.

const CORRECTION_FIELDS = ["name", "mobile", "street", "houseNumber", "postcode", "email"] as const;

export async function correctOwnDetails(_previous: FormState, formData: FormData): Promise<FormState> {
  return actionWhenDatabaseDown(async () => {
    const t = await getTranslations("publicForms");
    const token = String(formData.get("token") ?? "");
    const values = Object.fromEntries(CORRECTION_FIELDS.map((f) => [f, String(formData.get(f) ?? "").slice(0, 4000)]));
    const parsed = residentDetailsSchema.safeParse(formValues(formData, CORRECTION_FIELDS));
    const version = z.coerce.number().int().positive().safeParse(formData.get("version"));
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues, t), notice: { kind: "error", text: t("notice.invalid") } };
    if (!version.success) return { values, notice: { kind: "error", text: t("notice.conflict") } };

    let destination: string;
    try {
      const id = await applicationIdForToken(token);
      if (id === null) return { values, notice: { kind: "error", text: t("notice.linkInvalid") } };
      const address = clientAddress(await headers());
      const limit = await withScope({ role: "service" }, (tx) => consumeRateLimit(tx, PUBLIC_LIMITS.manage, address));
      if (!limit.allowed) return { values, notice: { kind: "error", text: t("notice.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) } };
      const result = await correctOwnApplication(id, parsed.data, version.data);
      if (result.changed.includes("email")) kickMailWorker();
      destination = `/manage/${result.newToken ?? token}?done=${result.newToken ? "emailChanged" : result.changed.length ? "saved" : "unchanged"}`;
    } catch (error) {
      if (error instanceof DomainValidationError) return { values, errors: translateErrors(error.fieldErrors, t), notice: { kind: "error", text: t("notice.invalid") } };
      if (error instanceof ConflictError) return { values, notice: { kind: "error", text: t("notice.conflict") } };
      if (error instanceof NotFoundError) return { values, notice: { kind: "error", text: t("notice.linkInvalid") } };
      if (!isDatabaseUnavailable(error)) throw error;
      return { values, notice: { kind: "unavailable", text: t("notice.unavailable") } };
    }
    redirect(destination);
  });
}

export async function confirmOwnEmailAddress(formData: FormData): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    await onOwnApplication(formData, "confirmed", (id) => confirmOwnEmail(id));
  });
}

export async function withdrawOwnApplicationAction(formData: FormData): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    await onOwnApplication(formData, "withdrawn", (id) => withdrawOwnApplication(id));
  });
}

export async function eraseOwnApplicationAction(formData: FormData): Promise<void> {
  return actionWhenDatabaseDown(async () => {
    if (formData.get("confirm") !== "on") {
      const token = String(formData.get("token") ?? "");
      redirect(`/manage/${encodeURIComponent(token)}?error=confirmErase#erase`);
    }
    await onOwnApplication(formData, "erased", (id) => eraseOwnApplication(id));
  });
}

/** Runs one step on the application of the form's token, then back to the page with the outcome. */
async function onOwnApplication(formData: FormData, done: "confirmed" | "withdrawn" | "erased", step: (id: number) => Promise<unknown>): Promise<void> {
  const token = String(formData.get("token") ?? "");
  let destination: string;
  try {
    const id = await applicationIdForToken(token);
    if (id === null) destination = "/manage/invalid";
    else {
      await step(id);
      destination = done === "erased" ? "/manage/erased" : `/manage/${token}?done=${done}`;
    }
  } catch (error) {
    const code =
      error instanceof TransitionError ? "transition" : error instanceof ConflictError ? "conflict" : error instanceof NotFoundError ? "notFound" : null;
    if (!code && !isDatabaseUnavailable(error)) throw error;
    destination = `/manage/${encodeURIComponent(token)}?error=${code ?? "unavailable"}`;
  }
  redirect(destination);
}
