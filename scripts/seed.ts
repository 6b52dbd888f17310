/**
 * npm run db:seed [-- --scale N] [-- --if-empty] — the Dieren-West demo data (sample streets).
 * --scale N seeds N applications instead of the demo's few hundred.
 */
import { parseArgs } from "node:util";
import { databaseTarget, describeTarget } from "../lib/db/config";
import { createDatabase } from "../lib/db/client";
import { ConfigError } from "../lib/config/config-error";
import { assertDatabaseReady } from "../lib/db/startup-check";
import { isSeeded, seedDemo } from "../prisma/seed/seed";
import { runCli } from "./run-cli";

await runCli(async () => {
  const { values } = parseArgs({ options: { scale: { type: "string" }, "if-empty": { type: "boolean" } } });
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && !(Number.isInteger(scale) && scale >= 0 && scale <= 10_000_000)) {
    throw new ConfigError("--scale takes a whole number of applications between 0 and 10000000.");
  }
  const target = databaseTarget();
  const db = await createDatabase(target);
  try {
    await assertDatabaseReady(db, target);
    if (await isSeeded(db.prisma)) {
      if (values["if-empty"]) return console.log(`${describeTarget(target)} already has data; not seeding.`);
      throw new ConfigError(`${describeTarget(target)} already has data; seed only an empty database.`);
    }
    const started = performance.now();
    const result = await seedDemo(db.prisma, { applications: scale, log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${describeTarget(target)}: ${result.applications} applications in ${seconds} s.`);
  } finally {
    await db.close();
  }
});
