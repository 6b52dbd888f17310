/**
 * vitest globalSetup for the postgres project: one migrated template database per run;
 * every test file copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
import crypto from "node:crypto";
import pg from "pg";
import { migrate } from "@/lib/db/migrations";
import { wrapPgClient } from "@/lib/db/sql-connection";
import type { TestProject } from "vitest/node";
import { databaseUrl, withAdmin } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `buurt_tpl_${crypto.randomBytes(5).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${template}"`));
  const client = new pg.Client({ connectionString: databaseUrl(template) });
  await client.connect();
  try {
    await migrate(wrapPgClient(client));
  } finally {
    await client.end();
  }
  project.provide("pgTemplate", template);
  return async () => {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
