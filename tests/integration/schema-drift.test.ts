import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDmmf, schemaDrift } from "../helpers/schema-drift";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const query = <T>(sql: string) => db.query<T>(sql);

describe("schema.prisma and the migrations", () => {
  it("describe the same database", async () => {
    expect(await schemaDrift(query)).toEqual([]);
  });

  it("disagree when the schema gains a column without a migration", async () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8").replace(
      "  mobile             String\n",
      "  mobile             String\n  nickname           String\n",
    );
    expect(await schemaDrift(query, readDmmf(schema))).toEqual([
      "column Application.nickname is in schema.prisma but not in the database",
    ]);
  });

  it("disagree when an index, an enum value or nullability differs", async () => {
    const schema = fs
      .readFileSync("prisma/schema.prisma", "utf8")
      .replace("  @@index([mobile])\n", "")
      .replace("  WITHDRAWN\n}", "  WITHDRAWN\n  ARCHIVED\n}")
      .replace("  houseNumberSuffix  String?\n", "  houseNumberSuffix  String\n");
    expect((await schemaDrift(query, readDmmf(schema))).sort()).toEqual([
      "column Application.houseNumberSuffix is nullable in the database, required in schema.prisma",
      "enum ApplicationStatus has values NEW,ASSIGNED,ADDED,LEFT,WAITING,UNREACHABLE,REJECTED,WITHDRAWN, schema.prisma says NEW,ASSIGNED,ADDED,LEFT,WAITING,UNREACHABLE,REJECTED,WITHDRAWN,ARCHIVED",
      "index Application.Application_mobile_idx is in the database but not in schema.prisma",
    ]);
  });
});
