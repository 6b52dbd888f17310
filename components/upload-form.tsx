"use client";

import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import type { FormAction } from "@/lib/http/form-result";

/**
 * A multipart form around a Server Action (lib/http/server-action.ts). With JavaScript it refuses
 * files over `maxBytes` before uploading them; the server checks the same limit (and without
 * JavaScript it is the only check), so the message is the same either way.
 */
export function UploadForm({
  action,
  maxBytes,
  tooLarge,
  label,
  refused,
  className,
  children,
}: {
  action: FormAction;
  maxBytes: number;
  tooLarge: string;
  label: string;
  /** A refusal to show before any submit: the page was reached after an upload was refused. */
  refused?: string;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [tooBig, setTooBig] = useState(false);
  const check = (event: FormEvent<HTMLFormElement>) => {
    let total = 0;
    for (const element of Array.from(event.currentTarget.elements)) {
      if (element instanceof HTMLInputElement && element.type === "file") for (const file of Array.from(element.files ?? [])) total += file.size;
      if (element instanceof HTMLTextAreaElement) total += new Blob([element.value]).size;
    }
    setTooBig(total > maxBytes);
    if (total > maxBytes) event.preventDefault();
  };
  const error = tooBig ? tooLarge : state && !state.ok ? state.notice : refused;
  return (
    <form action={formAction} onSubmit={check} aria-label={label} aria-busy={pending || undefined} className={className}>
      {children}
      {error && (
        <p role="alert" className="text-sm font-medium text-alert-700">
          {error}
        </p>
      )}
    </form>
  );
}
