import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { RuleDescription } from "@/components/rule-description";
import { requirePage } from "@/lib/auth/guards";
import { getApplication } from "@/lib/applications/get-application";
import { findPossibleDuplicates } from "@/lib/applications/duplicates";
import { assignApplicationAction, mergeDuplicateAction, updateApplicationAction } from "@/lib/applications/detail-actions";
import { changeApplicationStatus } from "@/lib/applications/status-actions";
import { REJECTION_REASONS } from "@/lib/applications/rejection-reasons";
import { mayTransition } from "@/lib/applications/status-machine";
import { APPLICATION_STATUSES } from "@/lib/applications/application-query.schema";
import { activeSubareaOptions } from "@/lib/subareas/list-subareas";
import { NotFoundError } from "@/lib/errors";
import { formatPostcode } from "@/lib/subareas/address";
import { displayPhone } from "@/lib/phone/mobile";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { describeHistoryEvent } from "@/lib/applications/describe-history";
import { historyWords } from "@/lib/applications/history-words";
import { staffNames } from "@/lib/staff/staff-names";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.applications") };
}

const input = "block w-full rounded border border-slate-400 px-2 py-1.5";
const button = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";
const secondary = "rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-50";

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/applications/[id]", `/staff/applications/${encodeURIComponent(id)}`);
  const a = await getApplication(viewer, recordIdOrNotFound(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    });
    const [t, v, history, names, format, subareas, duplicates] = await Promise.all([
      getTranslations("staff"),
      getTranslations("vocabulary"),
      historyWords(),
      staffNames(viewer, a.events.map((e) => e.actorId)),
      getFormatter(),
      activeSubareaOptions(viewer),
      findPossibleDuplicates(viewer, a.id),
    ]);
    const otherMoves = APPLICATION_STATUSES.filter((to) => to !== "ASSIGNED" && to !== "REJECTED" && mayTransition(a.status, to, "COORDINATOR"));
    const mayAssign = mayTransition(a.status, "ASSIGNED", "COORDINATOR");
    const mayReject = mayTransition(a.status, "REJECTED", "COORDINATOR");
    const hidden = (
      <>
        <input type="hidden" name="id" value={a.id} />
        <input type="hidden" name="version" value={a.version} />
        <input type="hidden" name="returnTo" value="/staff/applications" />
      </>
    );

    return (
      <article className="space-y-6">
        <header className="space-y-1">
          <p className="text-sm text-slate-600">
            <Link href="/staff/applications" className="text-brand-700 underline">{t("nav.applications")}</Link> › #{a.id}
          </p>
          <h1 className="text-2xl font-bold">{a.anonymisedAt ? t("detail.anonymised") : a.name}</h1>
          <p>
            <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{t(`status.${a.status}`)}</span>
            {a.rejectionReason && <> · {t(`reasons.${a.rejectionReason}`)}</>}
            {a.inGroup && <> · {t("detail.inGroup")}</>}
            {" · "}
            {t("detail.applied", { date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} · {t(`sources.${a.source}`)}
          </p>
        {a.addressUnrecognised && !a.anonymisedAt && (
          <p role="note" className="rounded bg-amber-50 p-2 text-sm font-medium">
            {t("applications.addressUnrecognised")}: {t("detail.addressUnrecognised")}
          </p>
        )}
          {a.repeatAttempts > 0 && (
            <p role="note" className="rounded bg-amber-50 p-2 text-sm">
              {t("detail.repeat", { count: a.repeatAttempts })}
            </p>
          )}
          {a.duplicateOfId && (
            <p className="text-sm">
              {t("detail.duplicateOf")} <a href={`/staff/applications/${a.duplicateOfId}`} className="text-brand-700 underline">#{a.duplicateOfId}</a>
            </p>
          )}
        </header>

        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="triage" className="space-y-4 rounded border border-slate-200 p-4">
            <h2 id="triage" className="text-lg font-semibold">{t("detail.triage")}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">{t("fields.subareaId")}</dt>
              <dd>{a.subarea?.name ?? "—"}</dd>
              <dt className="font-medium">{t("detail.suggested")}</dt>
              <dd>
                {a.suggestedSubarea ? `${a.suggestedSubarea.name}${a.suggestedSubarea.status !== "ACTIVE" ? ` (${t(`subareaStatus.${a.suggestedSubarea.status}`)})` : ""}` : t("detail.noMatch")}
              </dd>
              <dt className="font-medium">{t("detail.matchedRule")}</dt>
              <dd>{a.matchedRule ? <RuleDescription rule={a.matchedRule} /> : "—"}</dd>
            </dl>
            {mayAssign && (
              <ActionForm action={assignApplicationAction} label={t("detail.assign")} className="flex flex-wrap items-end gap-2">
                {hidden}
                <div className="grow">
                  <label htmlFor="subareaId" className="text-sm font-medium">{t("detail.assignTo")}</label>
                  <select id="subareaId" name="subareaId" defaultValue={a.subarea?.id ?? (a.suggestedSubarea?.status === "ACTIVE" ? a.suggestedSubarea.id : "")} className={input}>
                    <option value="">{t("detail.chooseSubarea")}</option>
                    {subareas.map((s) => (
                      <option key={s.id} value={s.id}>{s.name}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" className={button}>{a.status === "ASSIGNED" ? t("detail.reassign") : t("detail.assign")}</button>
              </ActionForm>
            )}
            {mayReject && (
              <ActionForm action={changeApplicationStatus} label={t("detail.reject")} className="flex flex-wrap items-end gap-2">
                {hidden}
                <input type="hidden" name="to" value="REJECTED" />
                <div className="grow">
                  <label htmlFor="reason" className="text-sm font-medium">{t("detail.rejectReason")}</label>
                  <select id="reason" name="reason" required defaultValue="" className={input}>
                    <option value="" disabled>{t("detail.chooseReason")}</option>
                    {REJECTION_REASONS.map((r) => (
                      <option key={r} value={r}>{t(`reasons.${r}`)}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" className={secondary}>{t("detail.reject")}</button>
              </ActionForm>
            )}
            {otherMoves.length > 0 && (
              <div className="flex flex-wrap gap-2">
                {otherMoves.map((to) => (
                  <ActionForm key={to} action={changeApplicationStatus}>
                    {hidden}
                    <input type="hidden" name="to" value={to} />
                    <button type="submit" className={secondary}>{t("detail.moveTo", { status: t(`status.${to}`) })}</button>
                  </ActionForm>
                ))}
              </div>
            )}
          </section>

          <section aria-labelledby="details" className="space-y-3 rounded border border-slate-200 p-4">
            <h2 id="details" className="text-lg font-semibold">{t("detail.details")}</h2>
            {a.anonymisedAt ? (
              <p>{t("detail.anonymisedNote")}</p>
            ) : (
              <ActionForm action={updateApplicationAction} label={t("detail.details")} success={t("detail.saved")} className="grid grid-cols-2 gap-3">
                {hidden}
                <Field id="name" label={t("fields.name")} value={a.name} wide autoComplete="off" />
                <Field id="mobile" label={t("fields.mobile")} value={displayPhone(a.mobile)} type="tel" />
                <Field id="email" label={t("fields.email")} value={a.email ?? ""} type="email" />
                <Field id="street" label={t("fields.street")} value={a.street} wide />
                <Field id="houseNumber" label={t("fields.houseNumber")} value={`${a.houseNumber}${a.houseLetter ?? ""}`} />
                <Field id="houseNumberSuffix" label={t("fields.houseNumberSuffix")} value={a.houseNumberSuffix ?? ""} />
                <Field id="postcode" label={t("fields.postcode")} value={formatPostcode(a.postcode)} />
                <div className="col-span-2">
                  <label htmlFor="notes" className="text-sm font-medium">{t("fields.notes")}</label>
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
        </div>

        {duplicates.length > 0 && (
          <section aria-labelledby="duplicates" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4">
            <h2 id="duplicates" className="text-lg font-semibold">{t("detail.duplicates")}</h2>
            <ul className="space-y-2">
              {duplicates.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <a href={`/staff/applications/${d.id}`} className="text-brand-700 underline">#{d.id} {d.name}</a> · {displayPhone(d.mobile)} · {t(`status.${d.status}`)} · {format.dateTime(d.createdAt, { dateStyle: "short" })}
                  </span>
                  {mayReject && !a.inGroup && (
                    <ActionForm action={mergeDuplicateAction}>
                      {hidden}
                      <input type="hidden" name="originalId" value={d.id} />
                      <button type="submit" className={secondary}>{t("detail.mergeInto", { id: d.id })}</button>
                    </ActionForm>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="history" className="space-y-2">
          <h2 id="history" className="text-lg font-semibold">{t("detail.history")}</h2>
          <ol className="space-y-1 border-l-2 border-slate-200 pl-4 text-sm">
            {a.events.map((e) => {
              const person = e.actorKind === "STAFF" && e.actorId ? names.get(e.actorId) : undefined;
              return (
                <li key={String(e.id)}>
                  <span className="text-slate-600">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "short" })}</span>{" "}
                  <span className="font-medium">{describeHistoryEvent(e, history)}</span>
                  {" · "}
                  <span className="text-slate-600">
                    {e.actorKind !== "STAFF" ? t(`actors.${e.actorKind}`) : person ? v("byStaff", { name: person.name, role: t(`roles.${person.role}`) }) : v("unknownStaff")}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      </article>
    );
  });
}

function Field({ id, label, value, wide, ...rest }: { id: string; label: string; value: string; wide?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={wide ? "col-span-2" : "col-span-2 sm:col-span-1"}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <input id={id} name={id} defaultValue={value} className={input} {...rest} />
    </div>
  );
}
