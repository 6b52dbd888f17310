import { getTranslations } from "next-intl/server";
import { PRIVACY_REQUEST_TYPES } from "@/lib/privacy/privacy-request.schema";
import type { FormAction } from "@/lib/http/form-result";
import { PrivacyRequestFormFields, ReconfirmFormFields } from "./resident-privacy-forms";

/**
 * For the resident's private page /manage/<token>: a data-subject request form. The token is
 * the page's own; the action checks it again on every post.
 */
export async function ResidentPrivacyRequestForm({ token, action }: { token: string; action: FormAction }) {
  const t = await getTranslations("privacy.request");
  return (
    <PrivacyRequestFormFields
      action={action}
      token={token}
      labels={{ heading: t("heading"), intro: t("intro"), type: t("type"), note: t("note"), noteHint: t("noteHint"), submit: t("submit") }}
      types={PRIVACY_REQUEST_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
    />
  );
}

/** For the same page while the application is WAITING: "yes, I want to keep waiting". */
export async function ReconfirmForm({ token, action }: { token: string; action: FormAction }) {
  const t = await getTranslations("privacy.reconfirm");
  return <ReconfirmFormFields action={action} token={token} labels={{ heading: t("heading"), intro: t("intro"), submit: t("submit") }} />;
}

/** For the same page while a member is asked by the yearly check: "Ik woon hier nog" (a POST; opening the page answers nothing). */
export async function MemberCheckForm({ token, action }: { token: string; action: FormAction }) {
  const t = await getTranslations("privacy.memberCheck");
  return <ReconfirmFormFields action={action} token={token} labels={{ heading: t("heading"), intro: t("intro"), submit: t("submit") }} />;
}
