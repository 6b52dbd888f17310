// One set of field schemas (issue 12 item 3): the same value typed on the web form (and the
// resident's correction, which uses the same schema), in the coordinator's edit, or arriving by
// mail intake or import (one schema for both) gets the same verdict and the same stored value.
import { describe, expect, it } from "vitest";
import { residentDetailsSchema } from "@/lib/applications/apply.schema";
import { applicationEditSchema } from "@/lib/applications/application-edit.schema";
import { applicationFieldsSchema } from "@/lib/applications/application-fields.schema";

type Field = "name" | "mobile" | "street" | "houseNumber" | "postcode" | "email";
type Stored = Record<string, unknown> | null;

const base = { name: "Anna de Vries", mobile: "06-12345678", street: "Kerkstraat", houseNumber: "12", postcode: "6951AB", email: "" };

/** Each way in, reduced to what ends up in the application's columns (null when refused), and the field a refusal is reported on. */
const paths: Record<string, (input: typeof base) => { stored: Stored; fields: string[] }> = {
  "web form and correction": (input) => {
    const result = residentDetailsSchema.safeParse(input);
    if (!result.success) return { stored: null, fields: result.error.issues.map((i) => String(i.path[0])) };
    const { houseNumber, email, ...rest } = result.data;
    return { stored: { ...rest, ...houseNumber, email: email ?? null }, fields: [] };
  },
  "coordinator's edit": (input) => {
    const result = applicationEditSchema.safeParse({ id: "1", version: "1", houseNumberSuffix: "", notes: "", ...input });
    if (!result.success) return { stored: null, fields: result.error.issues.map((i) => String(i.path[0])) };
    const { id: _id, version: _version, notes: _notes, ...stored } = result.data;
    return { stored, fields: [] };
  },
  "mail intake and import": (input) => {
    const result = applicationFieldsSchema.safeParse({ houseNumberSuffix: "", ...input });
    if (!result.success) return { stored: null, fields: result.error.issues.map((i) => String(i.path[0])) };
    return { stored: result.data, fields: [] };
  },
};

// [field, typed value, what is stored for that field (null: refused)]
const cases: [Field, string, Record<string, unknown> | null][] = [
  ["name", "A".repeat(100), { name: "A".repeat(100) }],
  ["name", "A".repeat(120), null],
  ["name", "J", null],
  ["name", "Jan de Vries www.example.com", null],
  ["name", "Jan https://example.nl", null],
  ["name", "J.H. de Vries", { name: "J.H. de Vries" }],
  ["name", "D\u0092Hondt", null],
  ["name", "Anna\u202Eedoc", null],
  ["name", "Anna\u2066x", null],
  ["name", "  Jan   de\tVries ", { name: "Jan de Vries" }],
  ["name", "Jose\u0301", { name: "Jos\u00e9" }],
  ["street", "K", null],
  ["street", "Kerk\u0007straat", null],
  ["street", "S".repeat(101), null],
  ["street", " Kerkstraat  ", { street: "Kerkstraat" }],
  ["houseNumber", "12a", { houseNumber: 12, houseLetter: "A", houseNumberSuffix: null }],
  ["houseNumber", "12-2", { houseNumber: 12, houseLetter: null, houseNumberSuffix: "2" }],
  ["houseNumber", "12 A 2", { houseNumber: 12, houseLetter: "A", houseNumberSuffix: "2" }],
  ["houseNumber", "a12", null],
  ["houseNumber", "1".repeat(30), null],
  ["mobile", "06-12345678", { mobile: "+31612345678" }],
  ["mobile", "+31 6 12345678", { mobile: "+31612345678" }],
  ["mobile", "12345", null],
  ["mobile", "026-3612345", null],
  ["mobile", "", null],
  ["postcode", "6951ab", { postcode: "6951AB" }],
  ["postcode", "6951 AB", { postcode: "6951AB" }],
  ["postcode", "12345", null],
  ["postcode", "", null],
  ["email", " Anna@Example.org ", { email: "anna@example.org" }],
  ["email", "", { email: null }],
  ["email", "not-an-email", null],
  ["email", "anna@example", null],
];

describe("one set of field schemas for every way in (issue 12 item 3)", () => {
  const expectedBase = { name: "Anna de Vries", mobile: "+31612345678", street: "Kerkstraat", houseNumber: 12, houseLetter: null, houseNumberSuffix: null, postcode: "6951AB", email: null };

  it.each(cases)("%s %j: same verdict and same stored value on every path", (field, value, expected) => {
    const outcomes = Object.fromEntries(Object.entries(paths).map(([path, run]) => [path, run({ ...base, [field]: value })]));
    const want = expected === null ? { stored: null, fields: [field] } : { stored: { ...expectedBase, ...expected }, fields: [] };
    for (const [path, outcome] of Object.entries(outcomes)) {
      expect({ stored: outcome.stored, fields: [...new Set(outcome.fields)] }, path).toEqual(want);
    }
  });
});
