/**
 * Compares prisma/schema.prisma with a migrated database: tables, columns (type, nullability,
 * whether a default exists), enums, indexes (columns, uniqueness, method, operator class) and
 * foreign keys (columns, target, delete rule). Returns one readable line per difference.
 * Prisma's own `migrate diff` would do this, but its native engine cannot be downloaded here.
 */
import fs from "node:fs";
import wasm from "@prisma/prisma-schema-wasm";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
  relationName?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; operatorClass?: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] };
}

export function readDmmf(schemaText = fs.readFileSync("prisma/schema.prisma", "utf8")): Dmmf {
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]], noColor: true })));
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

type Query = <T>(sql: string) => Promise<T[]>;

interface DbColumn { table: string; column: string; type: string; nullable: boolean; hasDefault: boolean }
interface DbIndex { table: string; name: string; unique: boolean; primary: boolean; method: string; columns: string[]; opclasses: string[]; partial: boolean }
interface DbForeignKey { table: string; name: string; columns: string[]; target: string; onDelete: string }

const DELETE_RULES: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

export async function schemaDrift(query: Query, dmmf: Dmmf = readDmmf()): Promise<string[]> {
  const differences: string[] = [];
  const tableOf = (model: string) => {
    const m = dmmf.datamodel.models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const enumName = (name: string) => dmmf.datamodel.enums.find((e) => e.name === name)?.dbName ?? name;

  const columns = await query<DbColumn>(`
    SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
           NOT a.attnotnull AS nullable, a.atthasdef AS "hasDefault"
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
  const enums = await query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  const indexes = await query<DbIndex>(`
    SELECT t.relname AS "table", i.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary", am.amname AS method,
      array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
      array(SELECT o.opcname::text FROM unnest(ix.indclass) WITH ORDINALITY k(opc, ord)
            JOIN pg_opclass o ON o.oid = k.opc ORDER BY k.ord) AS opclasses,
      ix.indpred IS NOT NULL AS partial
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  const foreignKeys = await query<DbForeignKey>(`
    SELECT t.relname AS "table", con.conname AS name, ft.relname AS target, con.confdeltype::text AS "onDelete",
      array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class ft ON ft.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE con.contype = 'f' AND n.nspname = 'public'`);

  // Tables and columns.
  const expectedTables = new Set(dmmf.datamodel.models.map((m) => m.dbName ?? m.name));
  for (const table of new Set(columns.map((c) => c.table))) {
    if (!expectedTables.has(table)) differences.push(`table ${table} is in the database but not in schema.prisma`);
  }
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const actual = new Map(columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    if (actual.size === 0) {
      differences.push(`table ${table} is in schema.prisma but not in the database`);
      continue;
    }
    const expectedColumns = new Set<string>();
    for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
      const column = field.dbName ?? field.name;
      expectedColumns.add(column);
      const found = actual.get(column);
      if (!found) {
        differences.push(`column ${table}.${column} is in schema.prisma but not in the database`);
        continue;
      }
      const base = field.kind === "enum" ? `"${enumName(field.type)}"` : expectedScalarType(field);
      const type = field.isList ? `${base}[]` : base;
      if (normaliseType(found.type) !== normaliseType(type)) {
        differences.push(`column ${table}.${column} has type ${found.type}, schema.prisma says ${type}`);
      }
      const nullable = field.isList || !field.isRequired;
      if (found.nullable !== nullable) {
        differences.push(`column ${table}.${column} is ${found.nullable ? "nullable" : "NOT NULL"} in the database, ${nullable ? "nullable" : "required"} in schema.prisma`);
      }
      const hasDefault = hasDatabaseDefault(field);
      if (found.hasDefault !== hasDefault) {
        differences.push(`column ${table}.${column} ${found.hasDefault ? "has" : "lacks"} a database default that schema.prisma ${hasDefault ? "declares" : "does not declare"}`);
      }
    }
    for (const column of actual.keys()) {
      if (!expectedColumns.has(column)) differences.push(`column ${table}.${column} is in the database but not in schema.prisma`);
    }
  }

  // Enums.
  const actualEnums = new Map(enums.map((e) => [e.name, e.values]));
  for (const e of dmmf.datamodel.enums) {
    const name = e.dbName ?? e.name;
    const values = e.values.map((v) => v.dbName ?? v.name);
    const found = actualEnums.get(name);
    if (!found) differences.push(`enum ${name} is in schema.prisma but not in the database`);
    else if (found.join(",") !== values.join(",")) differences.push(`enum ${name} has values ${found.join(",")}, schema.prisma says ${values.join(",")}`);
    actualEnums.delete(name);
  }
  for (const name of actualEnums.keys()) differences.push(`enum ${name} is in the database but not in schema.prisma`);

  // Indexes.
  const expectedIndexes = dmmf.datamodel.indexes.map((index) => {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
    const table = tableOf(index.model);
    const cols = index.fields.map((f) => model.fields.find((x) => x.name === f.name)?.dbName ?? f.name);
    const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
    return {
      table,
      name,
      unique: index.type !== "normal",
      primary: index.type === "id",
      method: (index.algorithm ?? "BTree").toLowerCase(),
      columns: cols,
      opclasses: index.fields.map((f) => f.operatorClass?.toLowerCase()),
    };
  });
  // A partial index (CREATE INDEX … WHERE) cannot be stated in schema.prisma: it lives in its
  // migration alone (e.g. the workspace's list indexes) and is left out of the comparison.
  const actualIndexes = new Map(indexes.filter((i) => !i.partial).map((i) => [`${i.table}.${i.name}`, i]));
  for (const expected of expectedIndexes) {
    const key = `${expected.table}.${expected.name}`;
    const found = actualIndexes.get(key);
    actualIndexes.delete(key);
    if (!found) {
      differences.push(`index ${key} is in schema.prisma but not in the database`);
      continue;
    }
    if (found.columns.join(",") !== expected.columns.join(",")) differences.push(`index ${key} covers (${found.columns}), schema.prisma says (${expected.columns})`);
    if (found.unique !== expected.unique || found.primary !== expected.primary) differences.push(`index ${key} differs in uniqueness`);
    if (found.method !== expected.method) differences.push(`index ${key} uses ${found.method}, schema.prisma says ${expected.method}`);
    expected.opclasses.forEach((opclass, i) => {
      if (opclass && found.opclasses[i] !== opclass) differences.push(`index ${key} uses operator class ${found.opclasses[i]}, schema.prisma says ${opclass}`);
    });
  }
  for (const key of actualIndexes.keys()) differences.push(`index ${key} is in the database but not in schema.prisma`);

  // Foreign keys.
  const actualKeys = new Map(foreignKeys.map((k) => [`${k.table}.${k.name}`, k]));
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const cols = field.relationFromFields!.map((n) => model.fields.find((x) => x.name === n)?.dbName ?? n);
      const key = `${table}.${table}_${cols.join("_")}_fkey`;
      const found = actualKeys.get(key);
      actualKeys.delete(key);
      if (!found) {
        differences.push(`foreign key ${key} is in schema.prisma but not in the database`);
        continue;
      }
      const required = cols.every((c) => model.fields.find((x) => (x.dbName ?? x.name) === c)?.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      if (found.target !== tableOf(field.type)) differences.push(`foreign key ${key} points to ${found.target}, schema.prisma says ${tableOf(field.type)}`);
      if (DELETE_RULES[found.onDelete] !== onDelete) differences.push(`foreign key ${key} deletes with ${DELETE_RULES[found.onDelete]}, schema.prisma says ${onDelete}`);
    }
  }
  for (const key of actualKeys.keys()) differences.push(`foreign key ${key} is in the database but not in schema.prisma`);

  return differences;
}

function expectedScalarType(field: DmmfField): string {
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const native: Record<string, string> = { VarChar: "character varying", Char: "character", Text: "text", Uuid: "uuid", Timestamptz: "timestamp with time zone", Timestamp: "timestamp without time zone", Date: "date", SmallInt: "smallint", Inet: "inet", Citext: "citext" };
    const base = native[name] ?? name.toLowerCase();
    if (!args.length) return base;
    return base.startsWith("timestamp") ? base.replace("timestamp", `timestamp(${args[0]})`) : `${base}(${args.join(",")})`;
  }
  return SCALAR_TYPES[field.type] ?? field.type;
}

/** Defaults that live in the database: not cuid()/uuid() (Prisma makes those) nor @updatedAt. */
function hasDatabaseDefault(field: DmmfField): boolean {
  const d = field.default as { name?: string } | string | number | boolean | undefined | null;
  if (d === undefined || d === null) return false;
  if (typeof d === "object" && (d.name === "cuid" || d.name === "uuid" || d.name === "nanoid" || d.name === "ulid")) return false;
  return true;
}

function normaliseType(type: string): string {
  return type.replace(/"/g, "").toLowerCase();
}
