"use client";

import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import type { FormAction, FormResult } from "@/lib/http/form-result";
import { FormFeedback } from "./action-form";

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
  // Refused here (too large), by the server, or before any submit (the page says so): one way of showing it.
  const shown: FormResult | null = tooBig
    ? { ok: false, reason: "tooLarge", notice: tooLarge }
    : (state ?? (refused ? { ok: false, reason: "refused", notice: refused } : null));
  return (
    <form action={formAction} onSubmit={check} aria-label={label} aria-busy={pending || undefined} className={className}>
      {children}
      <FormFeedback state={shown} alertClassName="text-sm font-medium text-alert-700" />
    </form>
  );
}
