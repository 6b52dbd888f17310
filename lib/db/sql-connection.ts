import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { ConfigError } from "../config/config-error";
import { describeTarget, type DatabaseTarget } from "./config";
import { openEmbedded } from "./embedded";

/**
 * A plain SQL connection, below Prisma: the migration runner, the health check and the test
 * harness use it. `exec` runs a script of several statements.
 */
export interface SqlConnection {
  readonly kind: DatabaseTarget["kind"];
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function wrapPglite(db: PGlite, ownsDb: boolean): SqlConnection {
  return {
    kind: "embedded",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      if (ownsDb) await db.close();
    },
  };
}

export function wrapPgClient(client: pg.Client): SqlConnection {
  return {
    kind: "postgres",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

export async function connectSql(target: DatabaseTarget): Promise<SqlConnection> {
  if (target.kind === "embedded") return wrapPglite(await openEmbedded(target.dataDir), true);
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  // An idle connection that the server drops must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(target, error);
  }
  return wrapPgClient(client);
}

export function unreachable(target: DatabaseTarget, error: unknown): ConfigError {
  const reason = error instanceof Error && error.message ? ` (${firstLine(error.message)})` : "";
  return new ConfigError(
    `Cannot reach ${describeTarget(target)} named in ${(target.kind === "postgres" && target.variable) || "DATABASE_URL"}${reason}; check that the server runs and the URL is right.`,
  );
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/\.$/, "");
}
