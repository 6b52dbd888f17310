"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/http/form-result";

/** The e-mail field of the sign-in page; the refusal is shown at the field. Without JavaScript it is a plain form post. */
export function SignInForm({
  action,
  callbackUrl,
  labels,
}: {
  action: FormAction;
  callbackUrl?: string;
  labels: { email: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          {labels.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={failed?.values?.email}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? "email-error" : undefined}
          className="block w-full max-w-md rounded border border-slate-400 px-3 py-2"
        />
        {failed && (
          <p id="email-error" role="alert" className="text-sm font-medium text-alert-700">
            {failed.notice}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {labels.submit}
      </button>
    </form>
  );
}
