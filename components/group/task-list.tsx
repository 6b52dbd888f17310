"use client";

import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import { PersonCard, type CardPerson, type CardTexts } from "./person-card";
import { primaryButton, secondaryButton } from "./styles";

/** A person on a task list: their card, and which of the list's forms their button sends (the first by default). */
export interface TaskPerson extends CardPerson {
  note?: string;
  form?: string;
}

/**
 * One list of the workspace, rendered from its data: the page sends each person once as a few
 * fields, not as markup (the markup is built here, on the server for the HTML and again in the
 * browser), which keeps a page of a hundred cards small (issue 15). The list's one action per
 * person is a button naming the person (`name="id"`) that submits one of the list's few forms
 * (`form=`): the form holds the fields the people share (e.g. from=ASSIGNED, to=ADDED) and shows
 * a refusal. Works without JavaScript: the buttons submit their form as any browser does.
 */
export function TaskList({
  people,
  texts,
  action,
  forms = [],
  button,
  more,
  whatsapp = true,
  compact = false,
}: {
  people: TaskPerson[];
  texts: CardTexts;
  action?: FormAction;
  /** The list's forms: an id per set of shared fields. */
  forms?: { id: string; fields: Record<string, string> }[];
  /** The label of the person's button, and whether it is the list's main step. */
  button?: { label: string; primary: boolean };
  /** The label of the link to a person's own page. */
  more?: string;
  whatsapp?: boolean;
  compact?: boolean;
}) {
  return (
    <>
      {action &&
        forms.map((form) => (
          <ActionForm key={form.id} id={form.id} action={action}>
            {Object.entries(form.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          </ActionForm>
        ))}
      <ul className="person-grid">
        {people.map((person) => (
          <PersonCard key={person.id} person={person} texts={texts} note={person.note} whatsapp={whatsapp} compact={compact} more={more}>
            {button && forms.length > 0 && (
              <button type="submit" form={person.form ?? forms[0]!.id} name="id" value={person.id} className={button.primary ? primaryButton : secondaryButton}>
                {button.label}
                <span className="sr-only">{`: ${person.name}`}</span>
              </button>
            )}
          </PersonCard>
        ))}
      </ul>
    </>
  );
}
