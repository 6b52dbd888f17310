"use client";

import { useActionState } from "react";
import type { FormAction, FormResult } from "@/lib/http/form-result";
import { FormFeedback } from "./action-form";
import { buttonClass, fieldClass, FormField, secondaryButtonClass } from "./form-field";

export interface RuleEditorTexts {
  labels: {
    street: string;
    houseNumberFrom: string;
    houseNumberTo: string;
    parity: string;
    all: string;
    odd: string;
    even: string;
    postcodeFrom: string;
    postcodeTo: string;
    submit: string;
    confirm: string;
    added: string;
  };
}

/**
 * The form that adds an address rule. After a refusal the fields come back as typed (never
 * emptied); an overlap with another subarea's rule is shown before anything is saved, with a
 * second, explicit button to save it anyway — or, when the rules' order would decide, a refusal
 * in words. Works without JavaScript: the page re-renders with the same answer.
 */
export function RuleEditor({
  action,
  subareaId,
  texts,
}: {
  action: FormAction;
  subareaId: number;
  texts: RuleEditorTexts;
}) {
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const l = texts.labels;
  // An overlap to confirm is about the street (where a rule begins).
  const invalid = (field: string) => (failed?.fields?.[field] || (failed?.confirm && field === "street") ? true : undefined);
  return (
    <form action={formAction} aria-busy={pending || undefined} aria-labelledby="add-rule" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="subareaId" value={subareaId} />
      <FormField id="rule-street" name="street" label={l.street} defaultValue={values.street ?? ""} aria-invalid={invalid("street")} className="col-span-2 sm:col-span-3" />
      <FormField id="rule-from" name="houseNumberFrom" label={l.houseNumberFrom} inputMode="numeric" defaultValue={values.houseNumberFrom ?? ""} aria-invalid={invalid("houseNumberFrom")} />
      <FormField id="rule-to" name="houseNumberTo" label={l.houseNumberTo} inputMode="numeric" defaultValue={values.houseNumberTo ?? ""} aria-invalid={invalid("houseNumberTo")} />
      <div>
        <label htmlFor="rule-parity" className="text-sm font-medium">{l.parity}</label>
        <select id="rule-parity" name="parity" key={values.parity ?? "ALL"} defaultValue={values.parity || "ALL"} className={fieldClass}>
          <option value="ALL">{l.all}</option>
          <option value="ODD">{l.odd}</option>
          <option value="EVEN">{l.even}</option>
        </select>
      </div>
      <FormField id="rule-pc-from" name="postcodeFrom" label={l.postcodeFrom} defaultValue={values.postcodeFrom ?? ""} aria-invalid={invalid("postcodeFrom")} />
      <FormField id="rule-pc-to" name="postcodeTo" label={l.postcodeTo} defaultValue={values.postcodeTo ?? ""} aria-invalid={invalid("postcodeTo")} />
      <div className="col-span-2 space-y-2 sm:col-span-3">
        <FormFeedback state={state} success={l.added} alertClassName="space-y-1 text-sm font-medium text-alert-700" />
        <div className="flex flex-wrap gap-2">
          {failed?.confirm && (
            <button type="submit" name="confirmOverlap" value="1" className={buttonClass}>{l.confirm}</button>
          )}
          <button type="submit" className={failed?.confirm ? secondaryButtonClass : buttonClass}>{l.submit}</button>
        </div>
      </div>
    </form>
  );
}
