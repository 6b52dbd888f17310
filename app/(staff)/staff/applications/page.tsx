import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { DataTable, Pagination, type DataColumn } from "@/components/data-table";
import { BulkActions } from "@/components/inbox/bulk-actions";
import { InboxFilters } from "@/components/inbox/inbox-filters";
import { requirePage } from "@/lib/auth/guards";
import { AGE_FILTERS, APPLICATION_SOURCES, APPLICATION_STATUSES, PAGE_SIZES, parseApplicationQuery } from "@/lib/applications/application-query.schema";
import { bulkApplicationsAction } from "@/lib/applications/bulk-actions";
import { getInbox } from "@/lib/applications/list-applications";
import type { CoordinatorApplicationRowDto } from "@/lib/access/application-dto";
import { formatAddress } from "@/lib/subareas/address";
import { displayPhone } from "@/lib/phone/mobile";
import { href } from "@/lib/http/href";
import { REJECTION_REASONS } from "@/lib/applications/rejection-reasons";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.applications") };
}
const COLUMNS = ["mobile", "street", "status", "subarea", "source", "createdAt"] as const;
const OVERDUE_MS = 48 * 3_600_000;

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/applications");
    const params = await searchParams;
    const query = parseApplicationQuery(params);
    const hidden = hiddenColumns(params);
    const [t, format, { page, subareas }] = await Promise.all([getTranslations("staff"), getFormatter(), getInbox(viewer, query)]);
    const current = { q: query.q, status: query.status, subarea: query.subarea, source: query.source, age: query.age, sort: query.sort, dir: query.dir, size: query.size, hide: hidden };
    const subareaChoices = subareas.map((s) => ({ value: String(s.id), label: s.name }));
    const now = Date.now();
    const headers = { mobile: t("applications.mobile"), street: t("applications.address"), status: t("applications.status"), subarea: t("applications.subarea"), source: t("inbox.source_col"), createdAt: t("applications.created") };

    const columns: DataColumn<CoordinatorApplicationRowDto>[] = [
      { id: "name", header: t("applications.name"), sortable: true, rowHeader: true, cell: (r) => r.name || `#${r.id}` },
      // Plain text where a cell needs no markup: the rows travel to the browser as their cells' contents.
      { id: "mobile", header: headers.mobile, className: "whitespace-nowrap", cell: (r) => displayPhone(r.mobile) },
      {
        id: "street",
        header: headers.street,
        sortable: true,
        // A minimum width: on a phone the address wraps to two lines, not four.
        className: "min-w-44",
        cell: (r) =>
          !r.street ? (
            "—"
          ) : r.addressUnrecognised ? (
            <>
              {formatAddress(r)} <span className="whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">{t("applications.addressUnrecognised")}</span>
            </>
          ) : (
            formatAddress(r)
          ),
      },
      {
        id: "status",
        header: headers.status,
        sortable: true,
        cell: (r) =>
          r.repeatAttempts > 0 ? (
            <>
              {t(`status.${r.status}`)} <span className="rounded bg-amber-100 px-1 text-xs">{`${t("inbox.repeats")}: ${r.repeatAttempts}`}</span>
            </>
          ) : (
            t(`status.${r.status}`)
          ),
      },
      { id: "subarea", header: headers.subarea, cell: (r) => r.subarea?.name ?? (r.suggestedSubarea ? <em>{t("inbox.suggested", { name: r.suggestedSubarea.name })}</em> : "—") },
      { id: "source", header: headers.source, cell: (r) => t(`sources.${r.source}`) },
      {
        id: "createdAt",
        header: headers.createdAt,
        sortable: true,
        cell: (r) =>
          r.status === "NEW" && now - r.createdAt.getTime() > OVERDUE_MS ? (
            <span className="font-semibold text-alert-700">
              {format.dateTime(r.createdAt, { dateStyle: "short" })}
              <span className="sr-only">{` (${t("inbox.overdue")})`}</span>
            </span>
          ) : (
            format.dateTime(r.createdAt, { dateStyle: "short" })
          ),
      },
    ];
  const exportFilters = { q: query.q, status: query.status, subarea: query.subarea, source: query.source, age: query.age, sort: query.sort, dir: query.dir };

    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("nav.applications")}</h1>

        <InboxFilters
          label={t("inbox.filters")}
          search={{ label: t("applications.search"), value: query.q }}
          selects={[
            {
              name: "subarea",
              label: t("inbox.subarea"),
              hint: t("inbox.subareaHint").toLowerCase(),
              value: query.subarea === undefined ? "" : String(query.subarea),
              choices: [{ value: "", label: t("inbox.anySubarea") }, { value: "none", label: t("inbox.noSubarea") }, ...subareaChoices],
            },
            {
              name: "source",
              label: t("inbox.source"),
              value: query.source ?? "",
              choices: [{ value: "", label: t("inbox.anySource") }, ...APPLICATION_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))],
            },
            {
              name: "age",
              label: t("inbox.age"),
              value: query.age ?? "",
              choices: [{ value: "", label: t("inbox.anyAge") }, ...AGE_FILTERS.map((a) => ({ value: a, label: t(`inbox.age${a === "older" ? "Older" : a}` as "inbox.age2d") }))],
            },
          ]}
          statuses={{ name: "status", legend: t("inbox.status"), choices: APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), checked: query.status.includes(s) })) }}
          columns={{ name: "show", legend: t("inbox.columns"), choices: COLUMNS.map((c) => ({ value: c, label: headers[c], checked: !hidden.includes(c) })) }}
          size={{ name: "size", label: t("inbox.perPage"), value: String(query.size), choices: PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) })) }}
          sort={{ sort: query.sort, dir: query.dir }}
          texts={{ apply: t("inbox.apply"), reset: t("inbox.reset") }}
        />

        <ActionForm
          action={bulkApplicationsAction}
          label={t("inbox.bulk")}
          className="space-y-3"
          feedbackId="bulk-feedback"
          keepInput
          after={
            <DataTable
              caption={t("nav.applications")}
              columns={columns}
              rows={page.rows}
              hidden={hidden}
              sort={{ id: query.sort, dir: query.dir }}
              sortHref={(sort) => href("/staff/applications", current, { sort: sort.id, dir: sort.dir, page: undefined })}
              empty={t("applications.empty")}
              select={{ name: "ids", label: (r) => t("inbox.select", { name: r.name || `#${r.id}` }) }}
              rowHref={(r) => `/staff/applications/${r.id}`}
            />
          }
        >
          <BulkActions
            legend={t("inbox.bulk")}
            accept={{ label: t("inbox.bulkAccept"), hint: t("inbox.bulkAcceptHint") }}
            assign={{
              label: t("inbox.bulkAssign"),
              select: { id: "bulk-subarea", name: "subareaId", value: "", label: t("inbox.subarea"), choices: [{ value: "", label: t("detail.chooseSubarea") }, ...subareaChoices] },
            }}
            reject={{
              label: t("inbox.bulkReject"),
              select: { id: "bulk-reason", name: "reason", value: "", label: t("detail.rejectReason"), choices: [{ value: "", label: t("detail.chooseReason") }, ...REJECTION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))] },
            }}
          />
        </ActionForm>
        <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/applications", current, { page: p })} />
        <p>
          <a href={href("/api/staff/applications/export", exportFilters)} className="text-brand-700 underline">
            {t("applications.export")}
          </a>{" "}
          <a href={href("/api/staff/applications/export", { ...exportFilters, format: "csv" })} className="text-brand-700 underline">
            {t("applications.exportCsv")}
          </a>
        </p>
      </section>
    );
  });
}

/** Hidden columns: from the filter form's "show" checkboxes when it was submitted, else from ?hide=. */
function hiddenColumns(params: Record<string, string | string[] | undefined>): (typeof COLUMNS)[number][] {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : String(value ?? "").split(","));
  if (params.columns) {
    const shown = list(params.show);
    return COLUMNS.filter((c) => !shown.includes(c));
  }
  return COLUMNS.filter((c) => list(params.hide).includes(c));
}
