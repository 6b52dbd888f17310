/**
 * npm run db:migrate (and the image's migrate.mjs) — applies pending migrations as the owner:
 * MIGRATION_DATABASE_URL when set, else DATABASE_URL, else the embedded database.
 */
import { describeTarget, migrationTarget } from "../lib/db/config";
import { migrate } from "../lib/db/migrations";
import { connectSql } from "../lib/db/sql-connection";
import { runCli } from "./run-cli";

await runCli(async () => {
  const target = migrationTarget();
  const conn = await connectSql(target);
  try {
    const applied = await migrate(conn, { log: (line) => console.log(line) });
    console.log(applied.length ? `${describeTarget(target)}: ${applied.length} migration(s) applied.` : `${describeTarget(target)} is up to date.`);
  } finally {
    await conn.close();
  }
});
