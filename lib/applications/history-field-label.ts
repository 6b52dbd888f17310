import "server-only";
import { getTranslations } from "next-intl/server";
import type { Messages } from "../i18n/messages";
import { PERSONAL_DATA, type FieldLabel } from "../privacy/processing-register";
import type { HistoryField } from "./history-vocabulary";

type Register = typeof PERSONAL_DATA.Application;
/** The Application columns the register gives a label (privacy.field). */
type LabelledColumn = { [K in keyof Register]: Register[K] extends readonly [unknown, FieldLabel, ...unknown[]] ? K : never }[keyof Register];
/** History fields with their own word, where the register's label says something else ("huisnummer en toevoeging"). */
type OwnWord = keyof Messages["vocabulary"]["historyFields"];

/**
 * How an application's history (and the audit log) names a field, in the viewer's language:
 * its own word in vocabulary.historyFields where there is one, otherwise the label the
 * processing register gives the column (privacy.field, the privacy statement's and the access
 * export's word for it): one label for a column wherever the words are the same. A history
 * field with neither fails the type check (`labelOf` takes only labelled columns).
 */
export async function historyFieldLabel(): Promise<(field: HistoryField) => string> {
  const [vocabulary, privacy] = await Promise.all([getTranslations("vocabulary"), getTranslations("privacy")]);
  const ownWord = (field: HistoryField): field is OwnWord => vocabulary.has(`historyFields.${field}` as never);
  const labelOf = (column: LabelledColumn): FieldLabel => PERSONAL_DATA.Application[column][1];
  return (field) => (ownWord(field) ? vocabulary(`historyFields.${field}`) : privacy(`field.${labelOf(field)}`));
}
