/**
 * Runs the yearly member check once against the e2e server's database, with the clock given as
 * the first argument (ISO), and prints its counts as JSON. Spawned with tsx by
 * tests/e2e/member-check.spec.ts (the Playwright worker's loader does not read the message JSON).
 * The environment must carry the server's AUTH_SECRET and APP_URL, and MEMBER_CHECK_MONTHS.
 */
import { createDatabase } from "../../../lib/db/client";
import { databaseTarget } from "../../../lib/db/config";
import { parseConfig } from "../../../lib/config/env";
import { runMemberCheck } from "../../../lib/members/member-check";
import { e2eDatabaseUrl } from "./e2e-env";

const db = await createDatabase(databaseTarget({ DATABASE_URL: e2eDatabaseUrl() }), { poolSize: 2 });
try {
  const counts = await runMemberCheck(db.prisma, { now: new Date(process.argv[2]!), cfg: parseConfig(process.env) });
  process.stdout.write(JSON.stringify(counts));
} finally {
  await db.close();
}
