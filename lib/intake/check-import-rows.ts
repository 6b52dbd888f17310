import {
  APPLICATION_FIELDS,
  applicationFieldsSchema,
  fieldErrorsOf,
  type ApplicationField,
  type ApplicationFields,
  type FieldErrorCode,
} from "../applications/application-fields.schema";
import type { Address } from "../subareas/address";
import { classifyAddress, type AddressBook, type AddressOutcome } from "../subareas/classify-address";
import { parseFullAddress } from "./parse-full-address";
import type { ActiveApplicationRef } from "../applications/find-active-duplicate";
import type { NewApplication } from "../applications/insert-applications";
import type { ColumnMapping } from "./column-mapping";
import type { CsvTable } from "./parse-csv";

/** A row's problem. `row` is the spreadsheet's row number: the header is row 1. */
export interface RowProblem {
  row: number;
  field: ApplicationField | "address";
  code: FieldErrorCode | "outside";
}

/** A row whose number already has an active application, or appeared in an earlier row. */
export interface RowDuplicate {
  row: number;
  ofRow: number | null;
  ofApplication: Pick<ActiveApplicationRef, "id" | "status"> | null;
}

export interface ImportCheck {
  /** Rows that would become applications, in file order. */
  ready: { row: number; application: NewApplication }[];
  problems: RowProblem[];
  /** Rows with at least one problem. */
  invalidRows: number;
  duplicates: RowDuplicate[];
  /** Rows with no data at all; ignored. */
  emptyRows: number;
}

export type ParsedRow =
  | { row: number; kind: "empty" }
  | { row: number; kind: "invalid"; problems: RowProblem[] }
  | { row: number; kind: "valid"; application: NewApplication };

const STREET_WITH_NUMBER = /^(.*?\p{L}.*?)\s+(\d{1,5}(?:\s*[-/]?\s*[\p{L}\d]{1,6})?)$/u;
const POSTCODE_INSIDE = /(?<![\p{L}\d])([1-9]\d{3}\s?[a-zA-Z]{2})(?![\p{L}\d])/u;

/**
 * A row's cells as the fields' input: a whole-address cell split by the mail intake's parser
 * (its parts fill the fields without a column of their own; `knownStreets` are found first),
 * the house number split off a "Kerkstraat 12a" street cell.
 */
function rowInput(cells: readonly string[], mapping: ColumnMapping, knownStreets: readonly string[] = []): Record<ApplicationField, string> {
  const input = Object.fromEntries(
    APPLICATION_FIELDS.map((field) => [field, mapping[field] === null ? "" : (cells[mapping[field]!] ?? "")]),
  ) as Record<ApplicationField, string>;
  const whole = mapping.fullAddress === null ? "" : (cells[mapping.fullAddress] ?? "").trim();
  if (whole) {
    const address = parseFullAddress(whole, knownStreets);
    // Not an address we can split: all of it as the street, so the row's check says what is wrong.
    input.street ||= address?.street ?? whole;
    input.houseNumber ||= address?.houseNumber ?? "";
    input.houseNumberSuffix ||= address?.houseNumberSuffix ?? "";
    input.postcode ||= address?.postcode ?? "";
  }
  if (!input.houseNumber) {
    const match = STREET_WITH_NUMBER.exec(input.street);
    if (match) [input.street, input.houseNumber] = [match[1]!, match[2]!];
  }
  // "6951 AB Dieren" in one cell: the postcode part.
  const postcode = POSTCODE_INSIDE.exec(input.postcode);
  if (postcode) input.postcode = postcode[1]!;
  return input;
}

/** The addresses of the rows whose fields are valid, for loading the matcher's book once (lib/subareas/load-address-book.ts). */
export function rowAddresses(table: CsvTable, mapping: ColumnMapping): Address[] {
  return table.rows.flatMap((cells) => {
    const parsed = cells.length ? applicationFieldsSchema.safeParse(rowInput(cells, mapping)) : null;
    return parsed?.success ? [parsed.data] : [];
  });
}

/**
 * Checks every row on its own: the fields, then the address with the one matcher. A street the
 * matcher is unsure of, or does not know at a postcode of the neighbourhood, is still imported:
 * as NEW without a subarea, marked "adres niet herkend" for a coordinator.
 */
export function parseImportRows(table: CsvTable, mapping: ColumnMapping, book: AddressBook): ParsedRow[] {
  const knownStreets = mapping.fullAddress === null ? [] : [...new Set(book.rules.flatMap((rule) => (rule.street ? [rule.street] : [])))];
  return table.rows.map((cells, index): ParsedRow => {
    const row = index + 2;
    if (cells.length === 0) return { row, kind: "empty" };
    const parsed = applicationFieldsSchema.safeParse(rowInput(cells, mapping, knownStreets));
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      const problems = APPLICATION_FIELDS.filter((field) => errors[field]).map((field) => ({ row, field, code: errors[field]! }));
      return { row, kind: "invalid", problems };
    }
    const outcome = classifyAddress(book, parsed.data, { keepTyped: true });
    if (outcome.kind === "outside" || outcome.kind === "uncertain") return { row, kind: "invalid", problems: [{ row, field: "address", code: "outside" }] };
    return { row, kind: "valid", application: newApplication(parsed.data, outcome) };
  });
}

/** An application from checked fields and what the matcher said of its address. */
export function newApplication(fields: ApplicationFields, outcome: Exclude<AddressOutcome, { kind: "outside" | "uncertain" }>): NewApplication {
  if (outcome.kind === "unrecognised") return { ...fields, status: "NEW", suggestedSubareaId: null, matchedRuleId: null, addressUnrecognised: true };
  return { ...fields, street: outcome.street, status: outcome.status, suggestedSubareaId: outcome.subareaId, matchedRuleId: outcome.ruleId, addressUnrecognised: false };
}

/**
 * Flags duplicate numbers: one with an active application in the database (`active`, by E.164),
 * or one seen in an earlier valid row of the file (the first row keeps it). Neither becomes a
 * second record.
 */
export function summariseImport(rows: readonly ParsedRow[], active: ReadonlyMap<string, ActiveApplicationRef>): ImportCheck {
  const check: ImportCheck = { ready: [], problems: [], invalidRows: 0, duplicates: [], emptyRows: 0 };
  const firstRow = new Map<string, number>();
  for (const parsed of rows) {
    if (parsed.kind === "empty") check.emptyRows++;
    else if (parsed.kind === "invalid") {
      check.invalidRows++;
      check.problems.push(...parsed.problems);
    } else {
      const { mobile } = parsed.application;
      const existing = active.get(mobile) ?? null;
      const earlier = firstRow.get(mobile) ?? null;
      if (existing || earlier !== null) {
        check.duplicates.push({ row: parsed.row, ofRow: existing ? null : earlier, ofApplication: existing && { id: existing.id, status: existing.status } });
      } else {
        firstRow.set(mobile, parsed.row);
        check.ready.push({ row: parsed.row, application: parsed.application });
      }
    }
  }
  return check;
}

/** The E.164 numbers of the valid rows, for one duplicate query. */
export function validMobiles(rows: readonly ParsedRow[]): string[] {
  return rows.flatMap((r) => (r.kind === "valid" ? [r.application.mobile] : []));
}
