"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import type { FormAction } from "@/lib/http/form-result";
import { FormFeedback } from "./action-form";

/**
 * The import's confirm form. While the import runs (with JavaScript) a <progress> bar follows
 * it by polling `progressUrl`; until the first answer, or if the answer is "unknown", the bar
 * is indeterminate. Without JavaScript it is a plain form post that ends on the result page.
 */
export function ImportConfirmForm({
  action,
  progressUrl,
  labels,
  children,
}: {
  action: FormAction;
  progressUrl: string;
  /** `progress` holds {done} and {total}. */
  labels: { form: string; importing: string; progress: string };
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(progressUrl, { cache: "no-store" });
        const body = response.ok ? ((await response.json()) as { done?: number; total?: number }) : {};
        if (!stopped) setProgress(body.total ? { done: body.done ?? 0, total: body.total } : null);
      } catch {
        // The bar stays as it is; the import itself goes on.
      }
    }, 300);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pending, progressUrl]);
  const shown = pending ? progress : null;
  return (
    <form action={formAction} aria-label={labels.form} aria-busy={pending || undefined} className="space-y-3">
      {children}
      {pending && (
        <div role="status" className="space-y-1">
          <label htmlFor="import-progress" className="block text-sm font-medium">
            {labels.importing} {shown && labels.progress.replace("{done}", String(shown.done)).replace("{total}", String(shown.total))}
          </label>
          <progress id="import-progress" max={shown?.total} value={shown?.done} className="h-3 w-full max-w-md accent-brand-700" />
        </div>
      )}
      <FormFeedback state={state} alertClassName="text-sm font-medium text-alert-700" />
    </form>
  );
}
