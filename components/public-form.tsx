"use client";

import { useActionState, useEffect, useRef } from "react";
import type { FormAction } from "@/lib/http/form-result";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "tel" | "email" | "textarea" | "checkbox";
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email" | "numeric";
  /** Half width from the small breakpoint up (house number beside postcode). */
  half?: boolean;
  /** Link-bearing text after a checkbox's label (e.g. the privacy statement), already rendered. */
  extra?: React.ReactNode;
}

/**
 * A public form around a Server Action (lib/http/server-action.ts) that answers with a
 * `FormResult` (or redirects when done); field messages are shown beside their fields.
 * Labels and messages come translated from the server, so no translations ship to the browser.
 * Without JavaScript it is an ordinary form post and the page comes back with the same state.
 */
export function PublicForm({
  action,
  fields,
  hidden,
  initial,
  submit,
  optional,
  honeypot,
  label,
}: {
  action: FormAction;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  initial?: Record<string, string>;
  submit: string;
  /** "(optional)", translated. */
  optional: string;
  honeypot?: { name: string; label: string };
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const notice = useRef<HTMLDivElement>(null);
  const question = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;
  useEffect(() => {
    if (failed?.notice) notice.current?.focus();
    else if (failed?.question) question.current?.focus();
  }, [failed]);
  const values = failed?.values ?? initial ?? {};
  const errors = failed?.fields ?? {};

  return (
    <form action={formAction} noValidate aria-label={label} aria-busy={pending || undefined} className="space-y-5">
      {failed?.notice && (
        <div
          ref={notice}
          tabIndex={-1}
          role="alert"
          className={`rounded border-l-4 p-3 font-medium ${failed.reason === "retry" ? "border-brand-700 bg-brand-50" : "border-alert-700 bg-red-50 text-alert-700"}`}
        >
          {failed.notice}
        </div>
      )}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {honeypot && (
        <div className="hidden" aria-hidden="true">
          <label htmlFor={`hp-${honeypot.name}`}>{honeypot.label}</label>
          <input id={`hp-${honeypot.name}`} name={honeypot.name} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        {fields.map((field) => (
          <Field key={field.name} field={field} value={values[field.name] ?? ""} error={errors[field.name]} optional={optional} />
        ))}
      </div>
      {failed?.question && (
        <div ref={question} tabIndex={-1} role="alert" className="space-y-3 rounded border-l-4 border-brand-700 bg-brand-50 p-3">
          <p className="font-semibold">{failed.question.text}</p>
          <p className="text-sm">{failed.question.note}</p>
          <input type="hidden" name={failed.question.suggestionField} value={failed.question.suggestion} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name={failed.question.choiceField} value="suggested" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {failed.question.accept}
            </button>
            <button type="submit" name={failed.question.choiceField} value="typed" disabled={pending} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
              {failed.question.keep}
            </button>
          </div>
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {submit}
      </button>
    </form>
  );
}

function Field({ field, value, error, optional }: { field: FieldSpec; value: string; error?: string; optional: string }) {
  const id = `field-${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  const box = `block w-full rounded border px-3 py-2 text-base ${error ? "border-alert-700" : "border-slate-500"}`;
  const hint = field.hint && (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {field.hint}
    </p>
  );
  const message = error && (
    <p id={`${id}-error`} className="text-sm font-medium text-alert-700">
      {error}
    </p>
  );

  if (field.type === "checkbox") {
    return (
      <div className="space-y-1 sm:col-span-2">
        <div className="flex items-start gap-3">
          <input {...common} type="checkbox" defaultChecked={value === "on"} className="mt-1 size-5 shrink-0" />
          <label htmlFor={id}>{field.label}</label>
        </div>
        {field.extra}
        {hint}
        {message}
      </div>
    );
  }
  return (
    <div className={`space-y-1 ${field.half ? "" : "sm:col-span-2"}`}>
      <label htmlFor={id} className="block font-medium">
        {field.label}
        {!field.required && <span className="font-normal text-slate-700"> {optional}</span>}
      </label>
      {hint}
      {field.type === "textarea" ? (
        <textarea {...common} rows={5} defaultValue={value} className={box} />
      ) : (
        <input {...common} key={value} type={field.type ?? "text"} defaultValue={value} autoComplete={field.autoComplete} inputMode={field.inputMode} className={box} />
      )}
      {message}
    </div>
  );
}
