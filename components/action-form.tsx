"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { FormAction, FormResult } from "@/lib/http/form-result";

/**
 * The one way a form shows a Server Action's answer (lib/http/server-action.ts): every text
 * comes translated from the server, so no error table is sent to the browser. Works without
 * JavaScript (the page re-renders with the answer).
 *
 * For a form whose controls sit above a long list (the inbox's bulk actions), `after` is rendered
 * below the feedback, so the answer appears at the buttons; `feedbackId` makes the status region
 * permanent (announced reliably by screen readers) and addressable; `keepInput` keeps what was
 * ticked and chosen after an error (React otherwise resets the form after every submit) and
 * clears it after a success.
 */
export function ActionForm({
  action,
  id,
  children,
  className,
  label,
  labelledBy,
  success,
  after,
  feedbackId,
  keepInput = false,
}: {
  action: FormAction;
  /** For buttons elsewhere on the page that submit this form (`<button form={id}>`). */
  id?: string;
  /** The form's controls; a function gets the last answer (values to fill in again, field errors). */
  children: ReactNode | ((state: FormResult | null, pending: boolean) => ReactNode);
  className?: string;
  label?: string;
  labelledBy?: string;
  /** Shown after a successful submit (a polite status message), unless the action sent its own notice. */
  success?: string;
  /** Rendered after the feedback, inside the form (e.g. the table whose rows are selected). */
  after?: ReactNode;
  /** The id of an always-present status region for the success notice. */
  feedbackId?: string;
  /** Keep the form's input after an error; reset it after a success. */
  keepInput?: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(action, null);
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
  return (
    <form ref={form} id={id} action={formAction} onSubmit={onSubmit} className={className} aria-label={label} aria-labelledby={labelledBy} aria-busy={pending || undefined}>
      {typeof children === "function" ? children(state, pending) : children}
      <FormFeedback state={state} success={success} feedbackId={feedbackId} />
      {after}
    </form>
  );
}

/**
 * An answer as the form shows it: a refusal (role=alert) with its notice, what is wrong with
 * which field (unless the form shows that beside each field: `fieldsBeside`), explaining lines
 * and a link; a success as a polite status message.
 */
export function FormFeedback({
  state,
  success,
  feedbackId,
  fieldsBeside = false,
  alertClassName = "mt-2 text-sm font-medium text-alert-700",
}: {
  state: FormResult | null;
  success?: string;
  feedbackId?: string;
  fieldsBeside?: boolean;
  alertClassName?: string;
}) {
  const notice = state?.ok ? (state.notice ?? success) : undefined;
  const fields = state && !state.ok && !fieldsBeside ? Object.values(state.fields ?? {}) : [];
  return (
    <>
      {state && !state.ok && state.notice && (
        <div role="alert" className={alertClassName}>
          <p>{state.notice}</p>
          {state.link && (
            <p className="mt-1">
              <a href={state.link.href} className="underline">
                {state.link.label}
              </a>
            </p>
          )}
          {fields.length > 0 && (
            <ul className="list-disc pl-5">
              {fields.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
          {state.lines && (
            <ul className="list-disc pl-5 font-normal text-slate-900">
              {state.lines.map((line) => (
                <li key={line}>{line}</li>
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
    </>
  );
}
