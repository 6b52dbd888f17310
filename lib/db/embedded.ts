import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { ConfigError } from "../config/config-error";

/**
 * Opens the embedded PostgreSQL (PGlite). `dataDir` undefined → in memory (tests).
 * PGlite lives inside this process: only one process may open a data directory at a time.
 */
export async function openEmbedded(dataDir?: string): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  try {
    const db = new PGlite({ dataDir, extensions: { pg_trgm } });
    await db.waitReady;
    return db;
  } catch (error) {
    throw new ConfigError(
      `Cannot open the embedded database in ${dataDir ?? "memory"} (${(error as Error).message}); stop any other process that uses it, or remove the folder to start afresh.`,
    );
  }
}
