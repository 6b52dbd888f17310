/**
 * A label, an optional hint, the control and its error, stacked. The control itself is the
 * caller's: give it `id={name}` and `aria-describedby` naming `${name}-hint` / `${name}-error`.
 */
export function LabelledField({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${name}-error`} className="text-sm font-medium text-alert-700">
          {error}
        </p>
      )}
    </div>
  );
}
