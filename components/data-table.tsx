import type { ReactNode } from "react";
import { columnVisibilityFeature, constructTable, createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { getTranslations } from "next-intl/server";
import { DataRows } from "./data-rows";
import { SelectAll } from "./select-all";

export interface DataColumn<R> {
  id: string;
  header: string;
  /** Sorting is done by the server: a sortable header is a link to the re-sorted view. */
  sortable?: boolean;
  cell: (row: R) => ReactNode;
  /** The row header cell (th scope=row) for screen readers; one column per table. */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (e.g. "whitespace-nowrap"), so a cell can be plain text. */
  className?: string;
}

export interface SortState {
  id: string;
  dir: "asc" | "desc";
}

const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings(), rowSortingFeature, columnVisibilityFeature });

/**
 * A server-rendered table driven by URL state, on TanStack Table's headless core: no client
 * JavaScript (except the optional select-all box), links for sorting, so it works with a keyboard,
 * a screen reader and without JS. A sortable header is a link to the re-sorted view and carries
 * `aria-sort` when it is the sort. On a narrow screen the table scrolls inside its own labelled,
 * focusable region (the page itself never scrolls sideways) with the row-header column (the
 * name) and the row checkbox kept in view. `rowHref` makes the row header a link to the row's
 * own page (the row travels as its text and that address, not as a link element).
 */
export async function DataTable<R extends { id: number | string }>({
  caption,
  columns,
  rows,
  sort,
  sortHref,
  hidden = [],
  empty,
  select,
  rowHref,
}: {
  caption: string;
  columns: DataColumn<R>[];
  rows: R[];
  sort?: SortState;
  sortHref?: (sort: SortState) => string;
  hidden?: string[];
  empty: string;
  /** Adds a checkbox per row named `select.name` (for a bulk-action form around the table). */
  select?: { name: string; form?: string; label: (row: R) => string };
  /** The row's own page: the row header cell links to it. */
  rowHref?: (row: R) => string;
}) {
  const t = await getTranslations("staff.table");
  const helper = createColumnHelper<typeof features, R>();
  const table = constructTable({
    features,
    columns: columns.map((c) => helper.display({ id: c.id, header: c.header, enableSorting: Boolean(c.sortable) })),
    data: rows,
    getRowId: (row: R) => String(row.id),
    manualSorting: true,
    state: {
      sorting: sort ? [{ id: sort.id, desc: sort.dir === "desc" }] : [],
      columnVisibility: Object.fromEntries(hidden.map((id) => [id, false])),
    },
  });
  const byId = new Map(columns.map((c) => [c.id, c]));
  const visible = table.getVisibleLeafColumns().map((c) => byId.get(c.id)!);

  return (
    // tabIndex: a scrolling region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // relative: screen-reader-only text (position absolute) in cells is clipped here too, not by the page.
    <div role="region" aria-label={t("region", { caption })} tabIndex={0} className="relative max-w-full overflow-x-auto rounded border border-slate-200 focus-visible:outline-2 focus-visible:outline-brand-700">
      {/* The cells are styled by the table's class (app/globals.css, "DataTable"), not one by one. */}
      <table className={select ? "dt dt-selectable" : "dt"}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {select && (
                <td>
                  <SelectAll name={select.name} label={t("selectAll")} />
                </td>
              )}
              {group.headers.map((header) => {
                const column = byId.get(header.column.id)!;
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={column.rowHeader ? "dt-rowhead-col" : undefined}
                  >
                    {column.sortable && sortHref ? (
                      <a href={sortHref({ id: column.id, dir: sorted === "asc" ? "desc" : "asc" })}>
                        {column.header}
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        {sorted && <span className="sr-only">({sorted === "asc" ? t("sortAscending") : t("sortDescending")})</span>}
                      </a>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          <DataRows
            rows={table.getRowModel().rows.map((row) => ({
              id: row.id,
              label: select?.label(row.original),
              href: rowHref?.(row.original),
              cells: visible.map((column) => column.cell(row.original)),
            }))}
            columns={visible.map(({ rowHeader, className }) => ({ rowHeader, className }))}
            select={select && { name: select.name, form: select.form }}
            empty={empty}
          />
        </tbody>
      </table>
    </div>
  );
}

export async function Pagination({ page, size, total, href }: { page: number; size: number; total: number; href: (page: number) => string }) {
  const t = await getTranslations("staff.table");
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav aria-label={t("pageOf", { page, pages })} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>
        {t("total", { count: total })} · {t("pageOf", { page, pages })}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <a href={href(page - 1)} rel="prev" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
            {t("previous")}
          </a>
        ) : null}
        {page < pages ? (
          <a href={href(page + 1)} rel="next" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
            {t("next")}
          </a>
        ) : null}
      </span>
    </nav>
  );
}
