import { personalColumns, type EraseRule, type Keep, type PersonalDataTable, type RegisterOf } from "./processing-register";

/**
 * What an erasure does, read from the processing register's erase rules (one per personal
 * column): the values that replace a person's data in the rows that stay, the columns held while
 * the person is still in a WhatsApp group, and which tables an erasure leaves alone. The
 * erasure of a request, of the resident's own link and of the purge job all use these, so a
 * column's rule is decided once, in the register.
 */

type RuleOf<E> = E extends readonly [unknown, unknown, infer R, ...unknown[]] ? R : never;
type RulesOf<T extends PersonalDataTable> = { [K in keyof RegisterOf<T>]: RuleOf<RegisterOf<T>[K]> }[keyof RegisterOf<T>];

/** The tables whose every personal column is kept by an erasure (each with its reason in the register). */
export type KeptTable = { [T in PersonalDataTable]: [Exclude<RulesOf<T>, Keep>] extends [never] ? T : never }[PersonalDataTable];
/** The tables an erasure changes: some personal column is replaced, or rows or entries are deleted. */
export type ErasableTable = Exclude<PersonalDataTable, KeptTable>;

type InPlace<R> = [R] extends [never] ? never : R extends { set: unknown } | "erasureTime" ? R : never;
/** The columns of a table an erasure replaces in place, each with the value it gets. */
export type ErasedValues<T extends PersonalDataTable> = {
  -readonly [K in keyof RegisterOf<T> as [InPlace<RuleOf<RegisterOf<T>[K]>>] extends [never] ? never : K]?: RuleOf<RegisterOf<T>[K]> extends { set: infer V } ? V : Date;
};

const isKeep = (rule: EraseRule<unknown>): rule is Keep => typeof rule === "object" && "keep" in rule;
const rulesOf = (table: PersonalDataTable) => personalColumns(table).map(([column, [, , rule]]) => [column, rule] as const);

/**
 * The values an erasure writes into the person's row of `table`: every column with a fixed
 * value, `now` for the erasure's own time; while the person is `inGroup`, the columns held for
 * their removal (name and number) are left out. Columns deleted with their row, or kept, are
 * not in it.
 */
export function erasedValues<T extends PersonalDataTable>(table: T, { inGroup = false, now = new Date() }: { inGroup?: boolean; now?: Date } = {}): ErasedValues<T> {
  const values: Record<string, unknown> = {};
  for (const [column, rule] of rulesOf(table)) {
    if (rule === "erasureTime") values[column] = now;
    else if (typeof rule === "object" && "set" in rule && !(inGroup && rule.heldWhileInGroup)) values[column] = rule.set;
  }
  return values as ErasedValues<T>;
}

/** The columns held while the person is in a group, with the value they get once out of it (an application's name and number). */
export function heldForRemoval(): [column: string, erased: unknown][] {
  return rulesOf("Application").flatMap(([column, rule]) => (typeof rule === "object" && "set" in rule && rule.heldWhileInGroup ? [[column, rule.set]] : []));
}

/** Whether an erasure keeps every personal column of the table; the register's reasons, joined, for a kept table. */
export function keptByRegister(table: KeptTable): { kept: string } {
  const reasons = rulesOf(table).map(([, rule]) => (isKeep(rule) ? `${rule.keep} (${rule.basis})` : null));
  if (reasons.some((r) => r === null)) throw new Error(`${table} is not kept whole by an erasure`);
  return { kept: [...new Set(reasons)].join("; ") };
}

/** Every personal column whose rule is one of `kinds`: "deleteRow", "deleteEntries", "set" (in place, including the erasure time) or "keep". */
export function columnsErasedBy(table: PersonalDataTable, kind: "deleteRow" | "deleteEntries" | "set" | "keep"): string[] {
  const kindOf = (rule: EraseRule<unknown>) => (isKeep(rule) ? "keep" : typeof rule === "object" || rule === "erasureTime" ? "set" : rule);
  return rulesOf(table).filter(([, rule]) => kindOf(rule) === kind).map(([column]) => column);
}
