import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormMessages } from "../http/form-messages";
import type { Messages } from "../i18n/messages";
import { PERSONAL_DATA, type FieldLabel } from "../privacy/processing-register";
import type { HistoryField } from "./history-vocabulary";

// One label per application column: the processing register's (privacy.field, the privacy
// statement's and the access export's word), which the register forces for every new column.
// The history and the staff forms keep their own word only where the words differ.

type Register = typeof PERSONAL_DATA.Application;
/** The Application columns the register gives a label (privacy.field). */
export type LabelledColumn = { [K in keyof Register]: Register[K] extends readonly [unknown, FieldLabel, ...unknown[]] ? K : never }[keyof Register];
/** History fields with their own word, where the register's label says something else ("huisnummer en toevoeging"). */
type OwnWord = keyof Messages["vocabulary"]["historyFields"];

const registerLabel = (column: LabelledColumn): FieldLabel => PERSONAL_DATA.Application[column][1];
const isLabelledColumn = (name: string): name is LabelledColumn => Array.isArray((PERSONAL_DATA.Application as Record<string, unknown>)[name]);
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * How an application's history (and the audit log) names a field, in the viewer's language:
 * its own word in vocabulary.historyFields where there is one, otherwise the register's label of
 * the column. A history field with neither fails the type check (`registerLabel` takes only
 * labelled columns).
 */
export async function historyFieldLabel(): Promise<(field: HistoryField) => string> {
  const [vocabulary, privacy] = await Promise.all([getTranslations("vocabulary"), getTranslations("privacy")]);
  const ownWord = (field: HistoryField): field is OwnWord => vocabulary.has(`historyFields.${field}` as never);
  return (field) => (ownWord(field) ? vocabulary(`historyFields.${field}`) : privacy(`field.${registerLabel(field)}`));
}

/**
 * The staff forms' label of a field, from a form's texts (form-messages.ts): `<ns>.fields.<field>`
 * where the staff word differs from the register's ("E-mail", "Huisnummer"), otherwise, for an
 * application column, the register's label with a capital ("Verdieping"). Other fields: undefined
 * (the kernel then shows the field's name). For the detail page and the kernel's `label` option.
 */
export function staffFieldLabel(texts: Pick<FormMessages, "label" | "say">) {
  function label(field: LabelledColumn): string;
  function label(field: string): string | undefined;
  function label(field: string): string | undefined {
    return texts.label(field) ?? (isLabelledColumn(field) ? capitalised(texts.say(`privacy.field.${registerLabel(field)}`)) : undefined);
  }
  return label;
}
