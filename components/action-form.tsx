"use client";

import { useActionState, type ReactNode } from "react";

type Result<E extends string> = { ok: true; notice?: string } | { ok: false; error: E; fields?: Record<string, string> };

/**
 * A form around a Server Action that returns `{ ok }` or `{ ok: false, error, fields }`: shows
 * the translated error, and what is wrong with which field, next to the form. Works without
 * JavaScript (the page re-renders with the answer).
 */
export function ActionForm<E extends string>({
  action,
  errors,
  children,
  className,
  label,
  fieldLabels = {},
  fieldMessages = {},
  success,
}: {
  action: (previous: Result<E> | null, formData: FormData) => Promise<Result<E>>;
  errors: Record<E, string>;
  children: ReactNode;
  className?: string;
  label?: string;
  fieldLabels?: Record<string, string>;
  fieldMessages?: Record<string, string>;
  /** Shown after a successful submit (a polite status message), unless the action sent its own notice. */
  success?: string;
}) {
  const [state, formAction, pending] = useActionState<Result<E> | null, FormData>(action, null);
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending || undefined}>
      {children}
      {state && !state.ok && (
        <div role="alert" className="mt-2 text-sm font-medium text-alert-700">
          <p>{errors[state.error]}</p>
          {state.fields && Object.keys(state.fields).length > 0 && (
            <ul className="list-disc pl-5">
              {Object.entries(state.fields).map(([field, code]) => (
                <li key={field}>
                  {fieldLabels[field] ?? field}: {fieldMessages[code] ?? code}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.ok && (state.notice ?? success) && (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {state.notice ?? success}
        </p>
      )}
    </form>
  );
}
