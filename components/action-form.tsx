"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";

type Result<E extends string> = { ok: true; notice?: string } | { ok: false; error: E; fields?: Record<string, string> };

/**
 * A form around a Server Action that returns `{ ok }` or `{ ok: false, error, fields }`: shows
 * the translated error, and what is wrong with which field, next to the form. Works without
 * JavaScript (the page re-renders with the answer).
 *
 * For a form whose controls sit above a long list (the inbox's bulk actions), `after` is rendered
 * below the feedback, so the answer appears at the buttons; `feedbackId` makes the status region
 * permanent (announced reliably by screen readers) and addressable; `keepInput` keeps what was
 * ticked and chosen after an error (React otherwise resets the form after every submit) and
 * clears it after a success.
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
  after,
  feedbackId,
  keepInput = false,
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
  /** Rendered after the feedback, inside the form (e.g. the table whose rows are selected). */
  after?: ReactNode;
  /** The id of an always-present status region for the success notice. */
  feedbackId?: string;
  /** Keep the form's input after an error; reset it after a success. */
  keepInput?: boolean;
}) {
  const [state, formAction, pending] = useActionState<Result<E> | null, FormData>(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (keepInput && state?.ok) form.current?.reset();
  }, [keepInput, state]);
  const onSubmit = keepInput
    ? (event: FormEvent<HTMLFormElement>) => {
        // Calling the action ourselves skips React's automatic reset of the form.
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => formAction(data));
      }
    : undefined;
  const notice = state?.ok ? (state.notice ?? success) : undefined;
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className={className} aria-label={label} aria-busy={pending || undefined}>
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
      {feedbackId ? (
        <p id={feedbackId} role="status" className={notice ? "mt-2 text-sm font-medium text-slate-800" : "sr-only"}>
          {notice}
        </p>
      ) : (
        notice && (
          <p role="status" className="mt-2 text-sm text-slate-700">
            {notice}
          </p>
        )
      )}
      {after}
    </form>
  );
}
