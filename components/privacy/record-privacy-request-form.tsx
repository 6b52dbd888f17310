"use client";

import { useActionState } from "react";
import { LabelledField } from "@/components/labelled-field";
import type { FormAction } from "@/lib/http/form-result";

const field = "block w-full rounded border border-slate-400 px-3 py-2";

/** The coordinator's form to record a request. Without JavaScript it is a plain form post. */
export function RecordPrivacyRequestForm({
  action,
  labels,
  types,
  defaults,
}: {
  action: FormAction;
  labels: { heading: string; intro: string; type: string; choose: string; applicationId: string; receivedOn: string; note: string; noteHint: string; submit: string };
  types: { value: string; label: string }[];
  defaults: { applicationId?: string; receivedOn: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values: Record<string, string | undefined> = { ...defaults, ...failed?.values };
  /** The attributes that tie a control to its label, hint and error. */
  const control = (name: string, hint?: string) => ({
    id: name,
    name,
    className: field,
    "aria-invalid": failed?.fields?.[name] ? true : undefined,
    "aria-describedby": [failed?.fields?.[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form action={formAction} aria-labelledby="record-heading" className="space-y-4 rounded border border-slate-200 p-4" noValidate>
      <h2 id="record-heading" className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p>{labels.intro}</p>
      {failed && (
        <p role="alert" className="font-medium text-alert-700">
          {failed.notice}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <LabelledField name="type" error={failed?.fields?.type} label={labels.type}>
          <select {...control("type")} required defaultValue={values.type ?? ""}>
            <option value="">{labels.choose}</option>
            {types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField name="applicationId" error={failed?.fields?.applicationId} label={labels.applicationId}>
          <input {...control("applicationId")} inputMode="numeric" defaultValue={values.applicationId ?? ""} />
        </LabelledField>
        <LabelledField name="receivedOn" error={failed?.fields?.receivedOn} label={labels.receivedOn}>
          <input {...control("receivedOn")} type="date" required max={defaults.receivedOn} defaultValue={values.receivedOn} />
        </LabelledField>
      </div>
      <LabelledField name="note" error={failed?.fields?.note} label={labels.note} hint={labels.noteHint}>
        <textarea {...control("note", "note-hint")} rows={3} maxLength={1000} defaultValue={values.note ?? ""} />
      </LabelledField>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}
