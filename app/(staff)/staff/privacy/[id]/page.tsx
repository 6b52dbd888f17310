import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DeadlineText } from "@/components/privacy/deadline-text";
import { requirePage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/http/not-found";
import { getPrivacyRequest } from "@/lib/privacy/get-privacy-request";
import { closePrivacyRequestAction, erasePrivacySubjectAction } from "@/lib/privacy/staff-actions";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staffPrivacy.title") };
}
export default async function PrivacyRequestPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/privacy/[id]", `/staff/privacy/${encodeURIComponent(id)}`);
    const request = await orNotFound(getPrivacyRequest(viewer, recordIdOrNotFound(id)));
    const [t, ts, format] = await Promise.all([getTranslations("staffPrivacy"), getTranslations("staff"), getFormatter()]);
    const now = new Date();
    const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
    const app = request.application;
    const button = "rounded px-4 py-2 font-semibold";
    return (
      <article className="max-w-3xl space-y-5">
        <p>
          <Link href="/staff/privacy" className="text-brand-700 underline">
            {t("detail.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t("detail.title", { id: request.id })}: {t(`type.${request.type}`)}
        </h1>
        {request.status === "OPEN" ? (
          <p className="text-lg">
            {t("detail.deadline", { date: day(request.dueAt) })} <DeadlineText dueAt={request.dueAt} now={now} />
          </p>
        ) : (
          <p className="text-lg">
            {t(`status.${request.status}`)}. {request.closedAt && t("detail.closedOn", { date: day(request.closedAt) })}{" "}
            {request.handledByName && t("detail.handledBy", { name: request.handledByName })}
          </p>
        )}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("column.received")}</dt>
          <dd>{day(request.receivedAt)}</dd>
          <dt className="font-medium">{t("column.origin")}</dt>
          <dd>{t(`origin.${request.origin}`)}</dd>
          <dt className="font-medium">{t("detail.application")}</dt>
          <dd>
            {app ? (
              <>
                <a href={`/staff/applications/${app.id}`} className="text-brand-700 underline">
                  {app.anonymisedAt ? `#${app.id}` : `#${app.id} ${app.name}`}
                </a>{" "}
                · {ts(`status.${app.status}`)}
                {app.anonymisedAt && <span className="block">{t("detail.erased", { date: day(app.anonymisedAt) })}</span>}
                {app.anonymisedAt && app.inGroup && <span className="block">{t("detail.inGroup")}</span>}
              </>
            ) : (
              t("detail.noApplication")
            )}
          </dd>
          {request.note && (
            <>
              <dt className="font-medium">{t("detail.note")}</dt>
              <dd className="whitespace-pre-wrap">{request.note}</dd>
            </>
          )}
        </dl>
        {app && (
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <a href={`/staff/privacy/${request.id}/export`} className="text-brand-700 underline">
              {t("detail.export")}
            </a>
            <a href={`/api/staff/privacy/${request.id}/export`} className="text-brand-700 underline">
              {t("detail.exportJson")}
            </a>
          </p>
        )}
        {request.status === "OPEN" && (
          <section aria-labelledby="handle" className="space-y-3 rounded border border-slate-200 p-4">
            <h2 id="handle" className="text-lg font-semibold">
              {t("detail.actions")}
            </h2>
            {request.type === "ERASURE" && app && (
              <ActionForm action={erasePrivacySubjectAction} className="space-y-2">
                <p>{t("detail.eraseExplain")}</p>
                <input type="hidden" name="id" value={request.id} />
                <button type="submit" className={`${button} bg-alert-700 text-white`}>
                  {t("detail.erase")}
                </button>
              </ActionForm>
            )}
            <div className="flex flex-wrap gap-3">
              <ActionForm action={closePrivacyRequestAction}>
                <input type="hidden" name="id" value={request.id} />
                <input type="hidden" name="outcome" value="DONE" />
                <button type="submit" className={`${button} bg-brand-700 text-white`}>
                  {t("detail.done")}
                </button>
              </ActionForm>
              <ActionForm action={closePrivacyRequestAction}>
                <input type="hidden" name="id" value={request.id} />
                <input type="hidden" name="outcome" value="REFUSED" />
                <button type="submit" className={`${button} border border-slate-400 text-slate-900`}>
                  {t("detail.refuse")}
                </button>
              </ActionForm>
            </div>
          </section>
        )}
      </article>
    );
  });
}
