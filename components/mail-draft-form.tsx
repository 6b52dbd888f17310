"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/http/form-result";
import { FormFeedback } from "./action-form";
import { SubmitButton } from "./submit-button";

const FIELDS = ["name", "mobile", "street", "houseNumber", "houseNumberSuffix", "postcode", "email"] as const;
type Field = (typeof FIELDS)[number];

const INPUT: Record<Field, { type?: string; inputMode?: "tel" | "email" | "numeric"; optional?: boolean; narrow?: boolean }> = {
  name: {},
  mobile: { type: "tel", inputMode: "tel" },
  street: {},
  houseNumber: { narrow: true },
  houseNumberSuffix: { optional: true, narrow: true },
  postcode: { narrow: true },
  email: { inputMode: "email", optional: true },
};

/**
 * The draft application extracted from a mail, for the coordinator to check and correct. Each
 * field shows the server's message for it; fields the mail did not yield say so. Works without
 * JavaScript: the page re-renders with the action's answer.
 */
export function MailDraftForm({
  action,
  id,
  initial,
  labels,
}: {
  action: FormAction;
  id: number;
  initial: Record<Field, string>;
  labels: { fields: Record<Field, string>; optional: string; notFoundInMail: string; save: string; form: string };
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values = (failed?.values ?? initial) as Record<Field, string>;
  return (
    <form action={formAction} noValidate aria-label={labels.form} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} fieldsBeside alertClassName="rounded border border-alert-700 bg-red-50 p-3 text-sm font-medium text-alert-700" />
      {/* Each field spans three rows of a subgrid (label, input, notes), so inputs side by side
          line up even when one label wraps or one field has a message. */}
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-6">
        {FIELDS.map((field) => {
          const error = failed?.fields?.[field];
          const missing = !initial[field] && !INPUT[field].optional;
          const describedBy = [error ? `${field}-error` : null, missing ? `${field}-missing` : null].filter(Boolean).join(" ") || undefined;
          return (
            <div key={field} className={`row-span-3 grid grid-rows-subgrid gap-y-1 ${INPUT[field].narrow ? "sm:col-span-2" : "sm:col-span-6"}`}>
              <label htmlFor={field} className="self-end font-medium">
                {labels.fields[field]} {INPUT[field].optional && <span className="font-normal text-slate-600">{labels.optional}</span>}
              </label>
              <input
                id={field}
                name={field}
                type={INPUT[field].type ?? "text"}
                inputMode={INPUT[field].inputMode}
                autoComplete="off"
                defaultValue={values[field]}
                key={`${field}-${values[field]}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className="block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-alert-700"
              />
              <div className="pb-3 text-sm">
                {missing && (
                  <p id={`${field}-missing`} className="text-slate-600">
                    {labels.notFoundInMail}
                  </p>
                )}
                {error && (
                  <p id={`${field}-error`} className="font-medium text-alert-700">
                    {error}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <SubmitButton className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{labels.save}</SubmitButton>
    </form>
  );
}
