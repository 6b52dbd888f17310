import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client";
import type { DatabaseTarget } from "./config";
import { openEmbedded } from "./embedded";
import type { SqlConnection } from "./sql-connection";
import { takeTransactionOpening } from "./transaction-opening";

export { PrismaClient };

export interface Database {
  readonly kind: "postgres" | "embedded";
  readonly prisma: PrismaClient;
  /** Raw SQL as the connecting user, outside any scope: health checks and tests only. */
  readonly query: SqlConnection["query"];
  /**
   * Sends `script` (several statements, no parameters: values inlined as escaped literals) as
   * one simple query, which PostgreSQL runs as one implicit transaction, and returns the rows of
   * its last statement, parsed by the driver (not by Prisma). For lib/db/scope.ts's statementInScope.
   */
  readonly script: (script: string) => Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The one place a Prisma client is made: PostgreSQL through adapter-pg, or embedded PGlite. */
export async function createDatabase(
  target: DatabaseTarget | { kind: "embedded-instance"; pglite: PGlite },
  { poolSize = 10, onQuery }: { poolSize?: number; onQuery?: (sql: string, params: string) => void } = {},
): Promise<Database> {
  // Query events only when asked for (the index test reads the SQL Prisma generates).
  const log = onQuery ? ([{ emit: "event", level: "query" }] as const) : undefined;
  const make = (adapter: PrismaPg | PrismaPGlite) => {
    const prisma = new PrismaClient({ adapter, log: log ? [...log] : undefined });
    if (onQuery) (prisma as unknown as { $on(e: "query", cb: (e: { query: string; params: string }) => void): void }).$on("query", (e) => onQuery(e.query, e.params));
    return prisma;
  };
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: poolSize, connectionTimeoutMillis: 5000 });
    pool.on("connect", sendOpeningWithBegin);
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    const script = async (text: string) => lastRows(await pool.query(text));
    return wrap("postgres", make(adapter), script, async () => {});
  }
  const pglite = target.kind === "embedded" ? await openEmbedded(target.dataDir) : target.pglite;
  const ownsPglite = target.kind === "embedded";
  const script = async (text: string) => (await pglite.exec(text)).at(-1)?.rows ?? [];
  return wrap("embedded", make(new PrismaPGlite(pglite)), script, async () => {
    if (ownsPglite) await pglite.close();
  });
}

/**
 * Makes a pooled connection send a scoped transaction's opening (its role and settings,
 * lib/db/transaction-opening.ts) in the same message as the BEGIN the Prisma adapter sends:
 * `BEGIN; SELECT set_config(…)` as one simple query, one round trip. Every other query passes
 * unchanged. The BEGIN of a transaction without an opening is sent as it is.
 */
function sendOpeningWithBegin(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    const begin = config !== null && typeof config === "object" && (config as pg.QueryConfig).text === "BEGIN" && !(config as pg.QueryConfig).values?.length;
    const opening = begin ? takeTransactionOpening() : undefined;
    return query(opening ? { ...(config as pg.QueryConfig), text: `BEGIN; ${opening}` } : config, ...rest);
  }) as typeof client.query;
}

/** The rows of the last statement of a multi-statement result (pg gives one result per statement). */
function lastRows(result: pg.QueryResult | pg.QueryResult[]): Record<string, unknown>[] {
  return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
}

function wrap(kind: Database["kind"], prisma: PrismaClient, script: Database["script"], closeDriver: () => Promise<void>): Database {
  return {
    kind,
    prisma,
    script,
    query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
