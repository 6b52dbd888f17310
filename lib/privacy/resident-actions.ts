"use server";

import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { NotFoundError } from "../errors";
import { clientAddress } from "../http/client-address";
import type { PrivacyFormState } from "./privacy-form-state";
import { residentPrivacyRequestSchema } from "./privacy-request.schema";
import { reconfirmFromLink } from "./reconfirm-waiting";
import { confirmMembershipFromLink } from "../members/confirm-membership";
import { requestPrivacyFromLink, TooManyRequestsError } from "./request-privacy-from-link";
import { actionWhenDatabaseDown } from "../http/when-database-down";

// Public endpoints for the resident's private page (/manage/<token>): the token is the only
// credential, checked on every call; each is rate limited per client address.

/** A data-subject request from the private link. */
export async function requestPrivacyFromLinkAction(_previous: PrivacyFormState, formData: FormData): Promise<PrivacyFormState> {
  return actionWhenDatabaseDown(async () => {
    const t = await getTranslations("privacy.request");
    const parsed = residentPrivacyRequestSchema.safeParse({ token: formData.get("token"), type: formData.get("type"), note: formData.get("note") ?? undefined });
    const values = { type: String(formData.get("type") ?? ""), note: String(formData.get("note") ?? "").slice(0, 1000) };
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      return {
        message: t("errors.invalid"),
        fieldErrors: Object.fromEntries([...fields].filter((f) => f !== "token").map((f) => [f, t("errors.invalid")])),
        values,
      };
    }
    try {
      const result = await requestPrivacyFromLink(parsed.data, clientAddress(await headers()));
      const format = await getFormatter();
      const due = format.dateTime(result.dueAt, { dateStyle: "long" });
      return { ok: true, message: result.alreadyOpen ? t("alreadyOpen", { due }) : t("sent", { due }) };
    } catch (error) {
      if (error instanceof NotFoundError) return { message: t("errors.notFound"), values };
      if (error instanceof TooManyRequestsError) return { message: t("errors.tooMany"), values };
      throw error;
    }
  });
}

/** "Yes, I want to keep waiting": restarts the waiting periods of the retention policy. */
export async function reconfirmFromLinkAction(_previous: PrivacyFormState, formData: FormData): Promise<PrivacyFormState> {
  return actionWhenDatabaseDown(async () => {
    const t = await getTranslations("privacy.reconfirm");
    const token = formData.get("token");
    if (typeof token !== "string") return { message: t("errors.notFound") };
    try {
      await reconfirmFromLink(token, clientAddress(await headers()));
      return { ok: true, message: t("done") };
    } catch (error) {
      if (error instanceof NotFoundError) return { message: t("errors.notFound") };
      if (error instanceof TooManyRequestsError) return { message: t("errors.tooMany") };
      throw error;
    }
  });
}

/** "Ik woon hier nog": the yearly member check's answer (lib/members/confirm-membership.ts). */
export async function confirmMembershipAction(_previous: PrivacyFormState, formData: FormData): Promise<PrivacyFormState> {
  return actionWhenDatabaseDown(async () => {
    const t = await getTranslations("privacy.memberCheck");
    const token = formData.get("token");
    if (typeof token !== "string") return { message: t("errors.notFound") };
    try {
      await confirmMembershipFromLink(token, clientAddress(await headers()));
      return { ok: true, message: t("done") };
    } catch (error) {
      if (error instanceof NotFoundError) return { message: t("errors.notFound") };
      if (error instanceof TooManyRequestsError) return { message: t("errors.tooMany") };
      throw error;
    }
  });
}
