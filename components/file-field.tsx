import { LabelledField } from "./labelled-field";

/** A labelled file input with an optional hint, for the upload forms. */
export function FileField({
  name,
  label,
  hint,
  accept,
  multiple,
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  required?: boolean;
}) {
  return (
    <LabelledField name={name} label={label} hint={hint}>
      <input
        id={name}
        name={name}
        type="file"
        multiple={multiple}
        required={required}
        accept={accept}
        aria-describedby={hint ? `${name}-hint` : undefined}
        className="block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5"
      />
    </LabelledField>
  );
}
