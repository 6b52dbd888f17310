"use client";

import Link from "next/link";
import type { ReactNode } from "react";

/** A choice of a select or a checkbox group: its value and its words in the viewer's language. */
export interface Choice {
  value: string;
  label: string;
}

/** A select of the inbox's forms: its field name (and id, when it differs), label, optional hint, current value and choices (the first is "any" or "choose"). */
export interface FilterSelect {
  id?: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  choices: Choice[];
}

/** A group of checkboxes: which are ticked. */
export interface FilterChecks {
  name: string;
  legend: string;
  choices: (Choice & { checked: boolean })[];
}

const field = "block w-full rounded border border-slate-400 px-2 py-1.5";

/**
 * The inbox's filter form (a GET form: every view is a bookmarkable URL, and it works without
 * JavaScript), built from its choices: the page sends the options as data, not as the markup of
 * a few dozen labels and inputs (issue 15). `columns` is the "which columns" disclosure; its
 * hidden `columns=1` tells the page the boxes were sent (an unticked box sends nothing).
 */
export function InboxFilters({
  label,
  search,
  selects,
  statuses,
  columns,
  size,
  sort,
  texts,
}: {
  label: string;
  search: { label: string; value: string };
  selects: FilterSelect[];
  statuses: FilterChecks;
  columns: FilterChecks;
  size: FilterSelect;
  /** Kept as they are: the sort comes from the table's headers. */
  sort: { sort: string; dir: string };
  texts: { apply: string; reset: string };
}) {
  return (
    <form method="get" role="search" aria-label={label} className="space-y-3 rounded border border-slate-200 p-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="text-sm font-medium">
            {search.label}
          </label>
          <input id="q" name="q" type="search" defaultValue={search.value} className={field} />
        </div>
        {selects.map((select) => (
          <Select key={select.name} select={select} />
        ))}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{statuses.legend}</legend>
        <Checks checks={statuses} className="flex flex-wrap gap-x-4 gap-y-1" />
      </fieldset>
      <details>
        <summary className="cursor-pointer text-sm font-medium">{columns.legend}</summary>
        <Checks checks={columns} className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <input type="hidden" name="columns" value="1" />
        </Checks>
      </details>
      <div className="flex flex-wrap items-end gap-3">
        <Select select={size} />
        <input type="hidden" name="sort" value={sort.sort} />
        <input type="hidden" name="dir" value={sort.dir} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
          {texts.apply}
        </button>
        <Link href="/staff/applications" className="px-2 py-1.5 text-brand-700 underline">
          {texts.reset}
        </Link>
      </div>
    </form>
  );
}

/** A labelled select built from its choices (the filter form and the bulk actions). */
export function Select({ select }: { select: FilterSelect }) {
  const id = select.id ?? select.name;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {select.label}
        {select.hint && <span className="font-normal text-slate-600">{` (${select.hint})`}</span>}
      </label>
      <select id={id} name={select.name} defaultValue={select.value} className={field}>
        {select.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Checks({ checks, className, children }: { checks: FilterChecks; className: string; children?: ReactNode }) {
  return (
    <div className={className}>
      {checks.choices.map((choice) => (
        <label key={choice.value} className="check">
          <input type="checkbox" name={checks.name} value={choice.value} defaultChecked={choice.checked} />
          {choice.label}
        </label>
      ))}
      {children}
    </div>
  );
}
