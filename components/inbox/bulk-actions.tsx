"use client";

import type { Choice } from "./inbox-filters";

/** A select of the bulk-action bar: its field's id and name, label, and choices (the first is "choose"). */
interface BulkSelect {
  id: string;
  name: string;
  label: string;
  choices: Choice[];
}

const field = "block w-full rounded border border-slate-400 px-2 py-1.5";
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
  assign: { label: string; select: BulkSelect };
  reject: { label: string; select: BulkSelect };
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

function Select({ select }: { select: BulkSelect }) {
  return (
    <div>
      <label htmlFor={select.id} className="text-sm">
        {select.label}
      </label>
      <select id={select.id} name={select.name} defaultValue="" className={field}>
        {select.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
