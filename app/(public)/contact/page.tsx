import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmergencyNote, PageTitle } from "@/components/prose";
import { PublicForm } from "@/components/public-form";
import { config } from "@/lib/config/env";
import { sendQuestion } from "@/lib/messages/contact-actions";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from "@/lib/public-forms/form-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactPage"))("title") };
}

export default async function ContactPage() {
  const t = await getTranslations("contactPage");
  const f = await getTranslations("publicForms");
  return (
    <article className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-lg">{t("intro", { mailbox: config().MAILBOX_ADDRESS })}</p>
      <EmergencyNote>{t("notForEmergencies")}</EmergencyNote>
      <PublicForm
        action={sendQuestion}
        label={t("formLabel")}
        submit={t("submit")}
        optional={f("optional")}
        hidden={{ [FORM_TOKEN_FIELD]: issueFormToken("contact") }}
        honeypot={{ name: HONEYPOT_FIELD, label: f("honeypot") }}
        fields={[
          { name: "name", label: t("name"), autoComplete: "name" },
          { name: "replyTo", label: t("replyTo"), hint: t("replyToHint"), type: "email", autoComplete: "email", inputMode: "email" },
          { name: "body", label: t("body"), required: true, type: "textarea" },
        ]}
      />
    </article>
  );
}
