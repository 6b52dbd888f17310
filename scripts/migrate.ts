/** npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded database. */
import { databaseTarget, describeTarget } from "../lib/db/config";
import { migrate } from "../lib/db/migrations";
import { connectSql } from "../lib/db/sql-connection";
import { runCli } from "./run-cli";

await runCli(async () => {
  const target = databaseTarget();
  const conn = await connectSql(target);
  try {
    const applied = await migrate(conn, { log: (line) => console.log(line) });
    console.log(applied.length ? `${describeTarget(target)}: ${applied.length} migration(s) applied.` : `${describeTarget(target)} is up to date.`);
  } finally {
    await conn.close();
  }
});
