"use client";

import { useActionState } from "react";
import type { PrivacyFormState } from "@/lib/privacy/privacy-form-state";

const field = "block w-full rounded border border-slate-400 px-3 py-2";

/** The coordinator's form to record a request. Without JavaScript it is a plain form post. */
export function RecordPrivacyRequestForm({
  action,
  labels,
  types,
  defaults,
}: {
  action: (state: PrivacyFormState, formData: FormData) => Promise<PrivacyFormState>;
  labels: { heading: string; intro: string; type: string; choose: string; applicationId: string; receivedOn: string; note: string; noteHint: string; submit: string };
  types: { value: string; label: string }[];
  defaults: { applicationId?: string; receivedOn: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values: Record<string, string | undefined> = { ...defaults, ...state.values };
  const errorFor = (name: string) => state.fieldErrors?.[name];
  const described = (name: string, hint?: string) => [errorFor(name) ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const error = (name: string) =>
    errorFor(name) && (
      <p id={`${name}-error`} className="text-sm font-medium text-alert-700">
        {errorFor(name)}
      </p>
    );
  return (
    <form action={formAction} aria-labelledby="record-heading" className="space-y-4 rounded border border-slate-200 p-4" noValidate>
      <h2 id="record-heading" className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p>{labels.intro}</p>
      {state.message && !state.ok && (
        <p role="alert" className="font-medium text-alert-700">
          {state.message}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="type" className="block font-medium">
            {labels.type}
          </label>
          <select id="type" name="type" required defaultValue={values.type ?? ""} aria-invalid={errorFor("type") ? true : undefined} aria-describedby={described("type")} className={field}>
            <option value="">{labels.choose}</option>
            {types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          {error("type")}
        </div>
        <div className="space-y-1">
          <label htmlFor="applicationId" className="block font-medium">
            {labels.applicationId}
          </label>
          <input
            id="applicationId"
            name="applicationId"
            inputMode="numeric"
            defaultValue={values.applicationId ?? ""}
            aria-invalid={errorFor("applicationId") ? true : undefined}
            aria-describedby={described("applicationId")}
            className={field}
          />
          {error("applicationId")}
        </div>
        <div className="space-y-1">
          <label htmlFor="receivedOn" className="block font-medium">
            {labels.receivedOn}
          </label>
          <input
            id="receivedOn"
            name="receivedOn"
            type="date"
            required
            max={defaults.receivedOn}
            defaultValue={values.receivedOn}
            aria-invalid={errorFor("receivedOn") ? true : undefined}
            aria-describedby={described("receivedOn")}
            className={field}
          />
          {error("receivedOn")}
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor="note" className="block font-medium">
          {labels.note}
        </label>
        <p id="note-hint" className="text-sm text-slate-600">
          {labels.noteHint}
        </p>
        <textarea
          id="note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={values.note ?? ""}
          aria-invalid={errorFor("note") ? true : undefined}
          aria-describedby={described("note", "note-hint")}
          className={field}
        />
        {error("note")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}
