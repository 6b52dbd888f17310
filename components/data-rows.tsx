"use client";

import type { ReactNode } from "react";

/** One row as the server sends it: its id, the checkbox's label, and each visible column's content. */
export interface DataRow {
  id: string;
  /** The row checkbox's accessible name (with `select`). */
  label?: string;
  /** The row's own page: the row header cell links to it. */
  href?: string;
  cells: ReactNode[];
}

/**
 * The body of a DataTable (data-table.tsx), built in the browser (and on the server for the HTML)
 * from the rows' contents: the page sends each row as its cells' contents, not as the table
 * markup around them, which is most of a long table's weight (issue 15). Renders the same
 * markup as before: a row checkbox named `select.name`, the row header cell (th scope=row, kept
 * in view while the table scrolls sideways) and a cell per visible column.
 */
export function DataRows({
  rows,
  columns,
  select,
  empty,
}: {
  rows: DataRow[];
  /** Per visible column: whether it is the row header, and extra classes for its cells. */
  columns: { rowHeader?: boolean; className?: string }[];
  select?: { name: string; form?: string };
  empty: string;
}) {
  if (rows.length === 0) {
    return (
      <tr>
        <td colSpan={columns.length + (select ? 1 : 0)} className="dt-empty">
          {empty}
        </td>
      </tr>
    );
  }
  // The cells' looks come from the table's class (app/globals.css, "DataTable"): a row carries none.
  return rows.map((row) => (
    <tr key={row.id}>
      {select && (
        <td>
          <input type="checkbox" name={select.name} value={row.id} form={select.form} aria-label={row.label} />
        </td>
      )}
      {row.cells.map((cell, i) =>
        columns[i]?.rowHeader ? (
          <th key={i} scope="row">
            <div>{row.href ? <a href={row.href}>{cell}</a> : cell}</div>
          </th>
        ) : (
          <td key={i} className={columns[i]?.className}>
            {cell}
          </td>
        ),
      )}
    </tr>
  ));
}
