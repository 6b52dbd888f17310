"use client";

import { useState } from "react";
import { ActionForm } from "./action-form";
import { buttonClass, fieldClass } from "./form-field";
import type { FormAction } from "@/lib/http/form-result";

/** One text; `context` per language is what the public page prints before and after it. */
type Text = { key: string; label: string; where: string; max: number; values: Record<string, string>; context: Record<string, { before?: string; after?: string }> };

/**
 * The neighbourhood's texts in both languages, each with a live example of how it reads on the
 * public page (the example is plain text, exactly as the page prints it). Works without
 * JavaScript; the example then shows the saved text.
 */
export function NeighbourhoodTextsForm({
  action,
  texts,
  languages,
  labels,
}: {
  action: FormAction;
  texts: Text[];
  languages: { locale: string; label: string }[];
  labels: { save: string; saved: string; preview: string; form: string };
}) {
  const [values, setValues] = useState(() => Object.fromEntries(texts.flatMap((t) => languages.map(({ locale }) => [`${t.key}_${locale}`, t.values[locale] ?? ""]))));
  return (
    <ActionForm action={action} success={labels.saved} label={labels.form} className="space-y-6">
      {texts.map((text) => (
        <fieldset key={text.key} className="space-y-3 rounded border border-slate-200 p-3">
          <legend className="px-1 font-semibold">{text.label}</legend>
          <p id={`${text.key}-where`} className="text-sm text-slate-600">
            {text.where}
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            {languages.map(({ locale, label }) => {
              const name = `${text.key}_${locale}`;
              return (
                <div key={locale} className="space-y-2">
                  <label htmlFor={name} className="text-sm font-medium">
                    {label}
                  </label>
                  <textarea
                    id={name}
                    name={name}
                    required
                    maxLength={text.max}
                    rows={text.max > 200 ? 4 : 2}
                    lang={locale}
                    aria-describedby={`${text.key}-where`}
                    className={fieldClass}
                    value={values[name]}
                    onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                  />
                  <div className="rounded bg-slate-50 p-2 text-sm" lang={locale}>
                    <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{labels.preview}</p>
                    {text.context[locale]?.before && <p className="font-medium">{text.context[locale].before}</p>}
                    <p className="whitespace-pre-line">
                      <mark className="bg-yellow-100">{values[name]}</mark> {text.context[locale]?.after}
                    </p>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="submit" className={buttonClass}>
        {labels.save}
      </button>
    </ActionForm>
  );
}
