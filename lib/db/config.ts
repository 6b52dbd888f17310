import path from "node:path";
import { ConfigError, type Env } from "../config/config-error";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; host: string; database: string; /** The setting it came from, for messages. */ variable?: string }
  | { kind: "embedded"; dataDir: string };

/**
 * DATABASE_URL set → that PostgreSQL server; unset → the embedded database in DATA_DIR
 * (default `.data/`), so the demo needs no server.
 */
export function databaseTarget(env: Env = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    return { kind: "embedded", dataDir: path.resolve(env.DATA_DIR?.trim() || ".data", "pglite") };
  }
  return postgresTarget("DATABASE_URL", raw);
}

/**
 * Where migrations run: MIGRATION_DATABASE_URL (the owner of the tables) when set, else the
 * same database as the app (databaseTarget). With both set the app logs in as a role that owns
 * nothing (docs/decisions/011-database-login-role.md). MIGRATION_DATABASE_URL without
 * DATABASE_URL is refused: the app would run on the embedded database, migrations elsewhere.
 */
export function migrationTarget(env: Env = process.env): DatabaseTarget {
  const raw = env.MIGRATION_DATABASE_URL?.trim();
  if (!raw) return databaseTarget(env);
  if (!env.DATABASE_URL?.trim()) {
    throw new ConfigError("MIGRATION_DATABASE_URL is set but DATABASE_URL is not; set both (owner and app role) or neither.");
  }
  return postgresTarget("MIGRATION_DATABASE_URL", raw);
}

function postgresTarget(variable: string, raw: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${variable} is not a valid URL; expected postgresql://user:password@host:5432/database.`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(
      `${variable} must start with postgresql:// (it starts with ${url.protocol}//).`,
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!url.hostname || !database) {
    throw new ConfigError(
      `${variable} must name a host and a database, as in postgresql://user:password@host:5432/database.`,
    );
  }
  return { kind: "postgres", url: raw, host: url.port ? `${url.hostname}:${url.port}` : url.hostname, database, variable };
}

/** Where the target is, for messages: never the password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "postgres"
    ? `PostgreSQL database "${target.database}" on ${target.host}`
    : `the embedded database in ${displayPath(target.dataDir)}`;
}

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}
