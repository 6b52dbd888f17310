import { getFormatter, getTranslations } from "next-intl/server";
import { PublicForm } from "@/components/public-form";
import type { OwnApplicationDto } from "@/lib/applications/own-application";
import type { FormAction, PlainFormAction } from "@/lib/http/form-result";
import { ACTIVE_STATUSES } from "@/lib/applications/status-machine";
import { config } from "@/lib/config/env";
import { displayPhone } from "@/lib/phone/mobile";
import { formatHouseNumber } from "@/lib/applications/parse-house-number";
import { formatAddress, formatPostcode } from "@/lib/subareas/address";
import { MemberCheckForm, ReconfirmForm, ResidentPrivacyRequestForm } from "@/components/privacy/resident-privacy";
import { isCheckOpen } from "@/lib/members/confirm-membership";

/**
 * The sections of the resident's private page (/manage/<token>). Each is independent and
 * gets the application, the token and the page's Server Actions, so a new section (a privacy
 * request, say) is one more entry in the page's list.
 */
export interface ManageSectionProps {
  application: OwnApplicationDto;
  token: string;
  actions: ManageActions;
}

/** The private page's Server Actions, passed in by the page. */
export interface ManageActions {
  correct: FormAction;
  confirmEmail: PlainFormAction;
  withdraw: PlainFormAction;
  erase: PlainFormAction;
  privacyRequest: FormAction;
  reconfirm: FormAction;
  memberCheck: FormAction;
}

const card = "space-y-3 rounded border border-slate-300 p-4";
const button = "rounded px-4 py-2 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export async function StatusSection({ application }: ManageSectionProps) {
  const t = await getTranslations("managePage");
  return (
    <section aria-labelledby="status" className={card}>
      <h2 id="status" className="text-xl font-semibold">
        {t("statusHeading")}
      </h2>
      <p>{t(`status.${application.status}`, { mailbox: config().MAILBOX_ADDRESS })}</p>
      {application.subarea && <p>{t("subarea", { name: application.subarea.name })}</p>}
    </section>
  );
}

export async function ConfirmEmailSection({ application, token, actions }: ManageSectionProps) {
  if (!application.email || application.emailConfirmedAt) return null;
  const t = await getTranslations("managePage");
  return (
    <section aria-labelledby="confirm" className={`${card} border-brand-700 bg-brand-50`}>
      <h2 id="confirm" className="text-xl font-semibold">
        {t("confirmHeading")}
      </h2>
      <p>{t("confirmText", { email: application.email })}</p>
      <form action={actions.confirmEmail}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
          {t("confirmButton")}
        </button>
      </form>
    </section>
  );
}

export async function DetailsSection({ application }: ManageSectionProps) {
  const t = await getTranslations("managePage");
  const format = await getFormatter();
  const a = application;
  const rows: [string, string][] = [
    [t("name"), a.name],
    [t("mobile"), displayPhone(a.mobile)],
    [t("address"), formatAddress(a)],
    [t("email"), a.email ? `${a.email} (${a.emailConfirmedAt ? t("emailConfirmed") : t("emailUnconfirmed")})` : t("emailNone")],
    [t("appliedAt"), format.dateTime(a.createdAt, { dateStyle: "long" })],
    [t("rules"), t("rulesValue", { version: a.rulesVersion, date: format.dateTime(a.rulesAcceptedAt, { dateStyle: "long" }) })],
  ];
  return (
    <section aria-labelledby="details" className={card}>
      <h2 id="details" className="text-xl font-semibold">
        {t("dataHeading")}
      </h2>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export async function CorrectSection({ application, token, actions }: ManageSectionProps) {
  if (!(ACTIVE_STATUSES as readonly string[]).includes(application.status)) return null;
  const t = await getTranslations("managePage");
  const a = await getTranslations("applyPage");
  const f = await getTranslations("publicForms");
  const app = application;
  return (
    <section aria-labelledby="correct" className={card}>
      <h2 id="correct" className="text-xl font-semibold">
        {t("correctHeading")}
      </h2>
      <p>{t("correctIntro")}</p>
      <PublicForm
        action={actions.correct}
        label={t("correctLabel")}
        submit={t("save")}
        optional={f("optional")}
        hidden={{ token, version: String(app.version) }}
        initial={{
          name: app.name,
          mobile: displayPhone(app.mobile),
          street: app.street,
          houseNumber: formatHouseNumber(app),
          postcode: formatPostcode(app.postcode),
          email: app.email ?? "",
        }}
        fields={[
          { name: "name", label: a("name"), required: true, autoComplete: "name" },
          { name: "mobile", label: a("mobile"), hint: a("mobileHint"), required: true, type: "tel", autoComplete: "tel", inputMode: "tel" },
          { name: "street", label: a("street"), required: true, autoComplete: "address-line1" },
          { name: "houseNumber", label: a("houseNumber"), required: true, half: true, autoComplete: "address-line2" },
          { name: "postcode", label: a("postcode"), required: true, half: true, autoComplete: "postal-code" },
          { name: "email", label: a("email"), type: "email", autoComplete: "email", inputMode: "email" },
        ]}
      />
    </section>
  );
}

/** Shown once the purge job asked a waiting resident whether they want to keep waiting. */
export async function ReconfirmSection({ application, token, actions }: ManageSectionProps) {
  if (application.status !== "WAITING" || !application.reconfirmAskedAt) return null;
  return (
    <section className={`${card} border-brand-700 bg-brand-50`}>
      <ReconfirmForm token={token} action={actions.reconfirm} />
    </section>
  );
}

/** Shown while the yearly member check waits for this member's answer ("Ik woon hier nog"). */
export async function MemberCheckSection({ application, token, actions }: ManageSectionProps) {
  if (application.status !== "ADDED" || !application.inGroup || !isCheckOpen(application)) return null;
  return (
    <section className={`${card} border-brand-700 bg-brand-50`}>
      <MemberCheckForm token={token} action={actions.memberCheck} />
    </section>
  );
}

/** A request about their data (access, correction, erasure, objection), tracked with its deadline. */
export async function PrivacyRequestSection({ token, actions }: ManageSectionProps) {
  return (
    <section className={card}>
      <ResidentPrivacyRequestForm token={token} action={actions.privacyRequest} />
    </section>
  );
}

export async function WithdrawSection({ application, token, actions }: ManageSectionProps) {
  if (!(ACTIVE_STATUSES as readonly string[]).includes(application.status)) return null;
  const t = await getTranslations("managePage");
  return (
    <section aria-labelledby="withdraw" className={card}>
      <h2 id="withdraw" className="text-xl font-semibold">
        {t("withdrawHeading")}
      </h2>
      <p>{t("withdrawText", { days: config().RETENTION_WITHDRAWN_DAYS })}</p>
      <form action={actions.withdraw}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={`${button} border-2 border-brand-700 text-brand-800 hover:bg-brand-50`}>
          {t("withdrawButton")}
        </button>
      </form>
    </section>
  );
}

export async function EraseSection({ token, actions }: ManageSectionProps) {
  const t = await getTranslations("managePage");
  return (
    <section aria-labelledby="erase" className={`${card} border-alert-700`}>
      <h2 id="erase" className="text-xl font-semibold">
        {t("eraseHeading")}
      </h2>
      <p>{t("eraseText")}</p>
      <form action={actions.erase} className="space-y-3">
        <input type="hidden" name="token" value={token} />
        <div className="flex items-start gap-3">
          <input id="erase-confirm" name="confirm" type="checkbox" className="mt-1 size-5 shrink-0" />
          <label htmlFor="erase-confirm">{t("eraseConfirm")}</label>
        </div>
        <button type="submit" className={`${button} bg-alert-700 text-white hover:bg-red-900`}>
          {t("eraseButton")}
        </button>
      </form>
    </section>
  );
}
