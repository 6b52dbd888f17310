import path from "node:path";
import { ConfigError, type Env } from "../config/config-error";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; host: string; database: string }
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
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database.",
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(
      `DATABASE_URL must start with postgresql:// (it starts with ${url.protocol}//).`,
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!url.hostname || !database) {
    throw new ConfigError(
      "DATABASE_URL must name a host and a database, as in postgresql://user:password@host:5432/database.",
    );
  }
  return { kind: "postgres", url: raw, host: url.port ? `${url.hostname}:${url.port}` : url.hostname, database };
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
