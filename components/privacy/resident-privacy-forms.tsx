"use client";

import { useActionState } from "react";
import type { FormAction, FormResult } from "@/lib/http/form-result";

type Action = FormAction;

/** The answer above the button: the notice of a success (role=status) or of a refusal (role=alert). */
function Status({ state, id }: { state: FormResult | null; id: string }) {
  if (!state?.notice) return null;
  return state.ok ? (
    <p id={id} role="status" className="rounded border-l-4 border-brand-700 bg-brand-50 p-3 font-medium">
      {state.notice}
    </p>
  ) : (
    <p id={id} role="alert" className="font-medium text-alert-700">
      {state.notice}
    </p>
  );
}

/** A data-subject request from the resident's private link. Works without JavaScript. */
export function PrivacyRequestFormFields({
  action,
  token,
  labels,
  types,
}: {
  action: Action;
  token: string;
  labels: { heading: string; intro: string; type: string; note: string; noteHint: string; submit: string };
  types: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const typeError = failed?.fields?.type;
  return (
    <form action={formAction} aria-labelledby="privacy-request-heading" className="space-y-4" noValidate>
      <h2 id="privacy-request-heading" className="text-xl font-semibold">
        {labels.heading}
      </h2>
      <p>{labels.intro}</p>
      <input type="hidden" name="token" value={token} />
      <fieldset className="space-y-2" aria-describedby={typeError ? "privacy-request-status" : undefined}>
        <legend className="font-medium">{labels.type}</legend>
        {types.map((t) => (
          <label key={t.value} className="flex items-start gap-2">
            <input type="radio" name="type" value={t.value} required defaultChecked={failed?.values?.type === t.value} className="mt-1 h-4 w-4" />
            <span>{t.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="privacy-request-note" className="block font-medium">
          {labels.note}
        </label>
        <p id="privacy-request-note-hint" className="text-sm text-slate-600">
          {labels.noteHint}
        </p>
        <textarea
          id="privacy-request-note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={failed?.values?.note ?? ""}
          aria-describedby="privacy-request-note-hint"
          className="block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <Status state={state} id="privacy-request-status" />
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}

/** "Yes, I want to keep waiting", for a resident asked to re-confirm. Works without JavaScript. */
export function ReconfirmFormFields({ action, token, labels }: { action: Action; token: string; labels: { heading: string; intro: string; submit: string } }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-labelledby="reconfirm-heading" className="space-y-3">
      <h2 id="reconfirm-heading" className="text-xl font-semibold">
        {labels.heading}
      </h2>
      <p>{labels.intro}</p>
      <input type="hidden" name="token" value={token} />
      <Status state={state} id="reconfirm-status" />
      {!state?.ok && (
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {labels.submit}
        </button>
      )}
    </form>
  );
}
