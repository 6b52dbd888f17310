"use client";

import { useActionState, type ReactNode } from "react";

type Result<E extends string> = { ok: true } | { ok: false; error: E };

/**
 * A form around a Server Action that returns `{ ok }` or `{ ok: false, error }`: shows the
 * translated error next to the form. Works without JavaScript (the page re-renders with it).
 */
export function ActionForm<E extends string>({
  action,
  errors,
  children,
  className,
  label,
  success,
}: {
  action: (previous: Result<E> | null, formData: FormData) => Promise<Result<E>>;
  errors: Record<E, string>;
  children: ReactNode;
  className?: string;
  label?: string;
  /** Shown after the action succeeded (when the page itself does not show the change). */
  success?: string;
}) {
  const [state, formAction, pending] = useActionState<Result<E> | null, FormData>(action, null);
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending || undefined}>
      {children}
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm font-medium text-alert-700">
          {errors[state.error]}
        </p>
      )}
      {state?.ok && success && (
        <p role="status" className="mt-1 text-sm font-medium text-emerald-800">
          {success}
        </p>
      )}
    </form>
  );
}
