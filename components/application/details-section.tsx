import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { ApplicationDetail } from "@/lib/applications/application-detail";
import { staffFieldLabel } from "@/lib/applications/column-labels";
import { formMessages } from "@/lib/http/form-messages";
import type { FormAction } from "@/lib/http/form-result";
import { displayPhone } from "@/lib/phone/mobile";
import { formatPostcode } from "@/lib/subareas/address";
import { ApplicationRef } from "./application-ref";
import { button, input } from "./styles";

/** The coordinator's edit of the resident's details and the internal notes (none once erased). */
export async function DetailsSection({ application: a, action }: { application: ApplicationDetail["application"]; action: FormAction }) {
  const [t, format, texts] = await Promise.all([getTranslations("staff"), getFormatter(), formMessages("staff")]);
  const label = staffFieldLabel(texts);
  return (
    <section aria-labelledby="details" className="space-y-3 rounded border border-slate-200 p-4">
      <h2 id="details" className="text-lg font-semibold">{t("detail.details")}</h2>
      {a.anonymisedAt ? (
        <p>{t("detail.anonymisedNote")}</p>
      ) : (
        <ActionForm action={action} label={t("detail.details")} success={t("detail.saved")} className="grid grid-cols-2 gap-3">
          <ApplicationRef id={a.id} version={a.version} />
          <Field id="name" label={label("name")} value={a.name} wide autoComplete="off" />
          <Field id="mobile" label={label("mobile")} value={displayPhone(a.mobile)} type="tel" />
          <Field id="email" label={label("email")} value={a.email ?? ""} type="email" />
          <Field id="street" label={label("street")} value={a.street} wide />
          <Field id="houseNumber" label={label("houseNumber")} value={`${a.houseNumber}${a.houseLetter ?? ""}`} />
          <Field id="houseNumberSuffix" label={label("houseNumberSuffix")} value={a.houseNumberSuffix ?? ""} />
          <Field id="postcode" label={label("postcode")} value={formatPostcode(a.postcode)} />
          <div className="col-span-2">
            <label htmlFor="notes" className="text-sm font-medium">{label("notes")}</label>
            <textarea id="notes" name="notes" rows={3} defaultValue={a.notes ?? ""} className={input} aria-describedby="notes-hint" />
            <p id="notes-hint" className="text-xs text-slate-600">{t("detail.notesHint")}</p>
          </div>
          <div className="col-span-2">
            <button type="submit" className={button}>{t("detail.save")}</button>
          </div>
        </ActionForm>
      )}
      <p className="text-xs text-slate-600">
        {t("detail.rulesAccepted", { version: a.rulesVersion, date: format.dateTime(a.rulesAcceptedAt, { dateStyle: "medium" }) })}
        {a.email && (a.emailConfirmedAt ? ` · ${t("detail.emailConfirmed")}` : ` · ${t("detail.emailUnconfirmed")}`)}
      </p>
    </section>
  );
}

function Field({ id, label, value, wide, ...rest }: { id: string; label: string; value: string; wide?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={wide ? "col-span-2" : "col-span-2 sm:col-span-1"}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <input id={id} name={id} defaultValue={value} className={input} {...rest} />
    </div>
  );
}
