import { personalColumns, type PersonalDataTable, type RegisterOf } from "./processing-register";

/** A register entry the access export shows as stored: personal, and not withheld (a three-part entry). */
type Shown<E> = E extends readonly [unknown, unknown, unknown] ? true : false;

/** A Prisma select of every column of `T` the access export shows as stored. */
export type ShownSelect<T extends PersonalDataTable> = { [K in keyof RegisterOf<T> as Shown<RegisterOf<T>[K]> extends true ? K : never]: true };

/**
 * The columns of a table the access export (AVG art. 15) shows as stored, as a Prisma select:
 * every personal column of the processing register, except those it withholds with a reason
 * (a hash, or a value shown in other words). A personal column added to the register is in the
 * export without a change here; `extra` adds columns that are no personal data but help the
 * reader (an id, a status).
 */
export function shownColumns<T extends PersonalDataTable, X extends Record<string, true> = Record<never, true>>(table: T, extra?: X): ShownSelect<T> & X {
  const shown = personalColumns(table).filter(([, entry]) => entry.length === 3);
  return { ...Object.fromEntries(shown.map(([column]) => [column, true])), ...extra } as ShownSelect<T> & X;
}
