"use client";

import { useActionState } from "react";

export interface SignInFormState {
  /** Already translated by the server. */
  error?: string;
  email?: string;
}

/** The e-mail field of the sign-in page. Without JavaScript it is a plain form post. */
export function SignInForm({
  action,
  callbackUrl,
  labels,
}: {
  action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  callbackUrl?: string;
  labels: { email: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
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
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "email-error" : undefined}
          className="block w-full max-w-md rounded border border-slate-400 px-3 py-2"
        />
        {state.error && (
          <p id="email-error" role="alert" className="text-sm font-medium text-alert-700">
            {state.error}
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
