import { APPLICATION_FIELDS, type ApplicationField } from "../applications/application-fields.schema";

/**
 * What a file column can hold: one application field, or the whole address in one cell
 * ("Kerkstraat 21, 6951 AB Dieren", as Google Forms and membership lists have it).
 */
export const IMPORT_COLUMNS = [...APPLICATION_FIELDS, "fullAddress"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Which file column (by index) holds each field; null when the file has none. */
export type ColumnMapping = Record<ImportColumn, number | null>;

/** Without these the rows cannot be checked at all (the house number may be in the street column). */
export const REQUIRED_COLUMNS = ["name", "mobile", "street", "postcode"] as const satisfies readonly ApplicationField[];

// Header names as people write them, Dutch and English, compared without case, accents,
// spaces or punctuation. Exact names first; then a header that contains one ("Telefoonnummer (mobiel)").
const SYNONYMS: Record<ImportColumn, string[]> = {
  name: ["naam", "volledigenaam", "voorenachternaam", "naambewoner", "bewoner", "name", "fullname", "contact"],
  mobile: ["mobiel", "mobielnummer", "mobielenummer", "06", "06nummer", "gsm", "whatsapp", "telefoon", "telefoonnummer", "tel", "telnr", "mobile", "mobilenumber", "phone", "phonenumber", "cell", "cellphone"],
  street: ["straat", "straatnaam", "adres", "woonadres", "straatenhuisnummer", "straathuisnummer", "street", "streetname", "address"],
  houseNumber: ["huisnummer", "huisnr", "nr", "nummer", "housenumber", "number", "no"],
  houseNumberSuffix: ["toevoeging", "huisnummertoevoeging", "toev", "addition", "suffix", "housenumbersuffix"],
  postcode: ["postcode", "pc", "postalcode", "zip", "zipcode", "postcodeplaats"],
  email: ["email", "emailadres", "mail", "mailadres", "emailaddress"],
  fullAddress: ["volledigadres", "adresgegevens", "fulladdress", "adresstraathuisnummerpostcode", "adresenpostcode", "straathuisnummerpostcode"],
};

// Fields claim columns in this order, so "Huisnummer toevoeging" goes to the addition, not the
// number, and "Je adres (straat, huisnummer, postcode)" to the whole address, not the postcode.
const ORDER: ImportColumn[] = ["fullAddress", "houseNumberSuffix", "email", "postcode", "mobile", "houseNumber", "name", "street"];

function key(header: string): string {
  return header.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The columns as their header names suggest. An address column ("Adres", "Address") without a
 * postcode column beside it holds the whole address.
 */
export function guessColumnMapping(header: readonly string[]): ColumnMapping {
  const keys = header.map(key);
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_COLUMNS.map((f) => [f, null])) as ColumnMapping;
  for (const exact of [true, false]) {
    for (const field of ORDER) {
      if (mapping[field] !== null) continue;
      const index = keys.findIndex(
        (k, i) => !used.has(i) && k !== "" && SYNONYMS[field].some((s) => (exact ? k === s : s.length >= 4 && k.includes(s))),
      );
      if (index !== -1) {
        mapping[field] = index;
        used.add(index);
      }
    }
  }
  const street = mapping.street === null ? "" : keys[mapping.street]!;
  if (mapping.fullAddress === null && mapping.postcode === null && /adres|address/.test(street)) {
    [mapping.fullAddress, mapping.street] = [mapping.street, null];
  }
  return mapping;
}

/**
 * The mapping as the preview's form sends it (one parameter per field: a column index, or ""
 * for none); null when the request names no mapping at all, so the guess applies. Indexes
 * outside the file and a column used twice count as "none" for the later field.
 */
export function mappingFromParams(params: Record<string, unknown>, columns: number): ColumnMapping | null {
  if (!IMPORT_COLUMNS.some((field) => field in params)) return null;
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_COLUMNS.map((f) => [f, null])) as ColumnMapping;
  for (const field of IMPORT_COLUMNS) {
    const raw = params[field];
    const value = typeof raw === "string" && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (Number.isInteger(value) && value < columns && !used.has(value)) {
      mapping[field] = value;
      used.add(value);
    }
  }
  return mapping;
}

/** The required fields without a column; a whole-address column stands for street and postcode. */
export function missingColumns(mapping: ColumnMapping): ApplicationField[] {
  return REQUIRED_COLUMNS.filter((field) => mapping[field] === null && !(mapping.fullAddress !== null && (field === "street" || field === "postcode")));
}
