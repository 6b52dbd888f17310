import type { InputHTMLAttributes } from "react";

const input = "block w-full rounded border border-slate-400 px-2 py-1.5";

/** A labelled input, the one way staff forms lay out a field. */
export function FormField({ id, label, hint, className, ...rest }: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} name={rest.name ?? id} className={input} aria-describedby={hint ? `${id}-hint` : undefined} {...rest} />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

export const fieldClass = input;
export const buttonClass = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";
export const secondaryButtonClass = "rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
