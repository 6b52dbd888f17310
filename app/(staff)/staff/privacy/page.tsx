import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, Pagination, type DataColumn } from "@/components/data-table";
import { DeadlineText } from "@/components/privacy/deadline-text";
import { RecordPrivacyRequestForm } from "@/components/privacy/record-privacy-request-form";
import { requirePage } from "@/lib/auth/guards";
import { href } from "@/lib/http/href";
import { localDay } from "@/lib/privacy/privacy-deadline";
import { listPrivacyRequests, type PrivacyRequestRow } from "@/lib/privacy/list-privacy-requests";
import { PRIVACY_REQUEST_TYPES, privacyRequestQuerySchema } from "@/lib/privacy/privacy-request.schema";
import { recordPrivacyRequestAction } from "@/lib/privacy/staff-actions";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffPrivacy"))("title") };
}

export default async function PrivacyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/privacy");
    const params = await searchParams;
    const query = privacyRequestQuerySchema.parse(params);
    const [t, format, page] = await Promise.all([getTranslations("staffPrivacy"), getFormatter(), listPrivacyRequests(viewer, query)]);
    const now = new Date();
    const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
    const application = typeof params.application === "string" && /^\d{1,10}$/.test(params.application) ? params.application : undefined;
    const columns: DataColumn<PrivacyRequestRow>[] = [
      { id: "id", header: t("column.id"), rowHeader: true, cell: (r) => r.id },
      { id: "type", header: t("column.type"), cell: (r) => t(`type.${r.type}`) },
      // The deadline first: on a phone the table scrolls sideways.
      query.view === "open"
        ? { id: "left", header: t("column.left"), cell: (r) => <DeadlineText dueAt={r.dueAt} now={now} /> }
        : { id: "closedAt", header: t("column.closedAt"), cell: (r) => (r.closedAt ? `${day(r.closedAt)} · ${t(`status.${r.status}`)}` : "—") },
      { id: "due", header: t("column.due"), cell: (r) => day(r.dueAt) },
      {
        id: "application",
        header: t("column.application"),
        cell: (r) => (r.applicationId ? <a href={`/staff/applications/${r.applicationId}`}>{r.applicationId}</a> : "—"),
      },
      { id: "origin", header: t("column.origin"), cell: (r) => t(`origin.${r.origin}`) },
      { id: "received", header: t("column.received"), cell: (r) => day(r.receivedAt) },
    ];
    const tab = (view: "open" | "closed") => (
      <a
        href={href("/staff/privacy", {}, { view: view === "open" ? undefined : view })}
        aria-current={query.view === view ? "page" : undefined}
        className={`rounded px-3 py-1.5 ${query.view === view ? "bg-brand-700 font-semibold text-white" : "text-brand-700 underline"}`}
      >
        {t(view)}
      </a>
    );
    return (
      <section className="space-y-5">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <nav aria-label={t("views")} className="flex gap-2">
          {tab("open")}
          {tab("closed")}
        </nav>
        <DataTable caption={`${t("caption")}: ${t(query.view)}`} columns={columns} rows={page.rows} rowHref={(r) => `/staff/privacy/${r.id}`} empty={t("empty")} />
        <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/privacy", { view: query.view === "open" ? undefined : query.view }, { page: p })} />
        <RecordPrivacyRequestForm
          action={recordPrivacyRequestAction}
          labels={{
            heading: t("new.heading"),
            intro: t("new.intro"),
            type: t("new.type"),
            choose: t("new.choose"),
            applicationId: t("new.applicationId"),
            receivedOn: t("new.receivedOn"),
            note: t("new.note"),
            noteHint: t("new.noteHint"),
            submit: t("new.submit"),
          }}
          types={PRIVACY_REQUEST_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))}
          defaults={{ applicationId: application, receivedOn: localDay(now) }}
        />
      </section>
    );
  });
}
