/** npm run create-coordinator -- --email … --name … : the first coordinator of a new deployment. */
import { parseArgs } from "node:util";
import { createDatabase } from "../lib/db/client";
import { databaseTarget, describeTarget } from "../lib/db/config";
import { assertDatabaseReady } from "../lib/db/startup-check";
import { createCoordinator } from "../lib/staff/create-coordinator";
import { runCli } from "./run-cli";

await runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const target = databaseTarget();
  const db = await createDatabase(target);
  try {
    await assertDatabaseReady(db, target);
    const result = await createCoordinator(db.prisma, values);
    console.log(
      result === "created"
        ? `Coordinator ${values.email} created in ${describeTarget(target)}. Sign in at APP_URL/sign-in with that address.`
        : `${values.email} is already a coordinator (reactivated if it was deactivated).`,
    );
  } finally {
    await db.close();
  }
});
