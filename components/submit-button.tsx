"use client";

import { useFormStatus } from "react-dom";

/** A form's submit button that is disabled while the form is being sent (with JavaScript). */
export function SubmitButton({ children, className, name, value }: { children: React.ReactNode; className?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending || undefined} className={className}>
      {children}
    </button>
  );
}
