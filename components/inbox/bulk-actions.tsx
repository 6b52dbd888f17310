"use client";

import { Select, type FilterSelect } from "./inbox-filters";

const primary = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white";

/**
 * The inbox's bulk actions for the ticked rows (lib/applications/bulk-actions.ts reads the
 * `intent`): take over the suggested subarea, assign to a chosen one, or reject with a reason.
 * Inside the page's ActionForm; built from its texts and choices, so the page sends those as
 * data rather than as the fieldset's markup (issue 15).
 */
export function BulkActions({
  legend,
  accept,
  assign,
  reject,
}: {
  legend: string;
  accept: { label: string; hint: string };
  assign: { label: string; select: FilterSelect };
  reject: { label: string; select: FilterSelect };
}) {
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded bg-slate-50 p-3">
      <legend className="float-left w-full text-sm font-medium">{legend}</legend>
      <div className="w-full sm:w-auto">
        <button type="submit" name="intent" value="acceptSuggestion" aria-describedby="bulk-accept-hint" className={primary}>
          {accept.label}
        </button>
        <p id="bulk-accept-hint" className="mt-1 max-w-xs text-xs text-slate-600">
          {accept.hint}
        </p>
      </div>
      <Select select={assign.select} />
      <button type="submit" name="intent" value="assign" className={primary}>
        {assign.label}
      </button>
      <Select select={reject.select} />
      <button type="submit" name="intent" value="reject" className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium">
        {reject.label}
      </button>
    </fieldset>
  );
}
