import "server-only";
import { databaseTarget } from "./config";
import { createDatabase, type Database } from "./client";
import { inScope, type DbScope, type ScopeOptions, type Tx } from "./scope";

export type { DbScope, Tx, Database };

// One database per process; kept on globalThis so that development reloads reuse it.
const holder = globalThis as unknown as { __buurtDatabase?: Promise<Database> };

export function database(): Promise<Database> {
  holder.__buurtDatabase ??= createDatabase(databaseTarget());
  return holder.__buurtDatabase;
}

/** Tests point the app's data layer at their own throwaway database. */
export function setAppDatabase(db: Database): void {
  holder.__buurtDatabase = Promise.resolve(db);
}

/** The only way application code reaches the database: one transaction, one scope. */
export async function withScope<T>(scope: DbScope, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions): Promise<T> {
  const { prisma } = await database();
  return inScope(prisma, scope, fn, options);
}
