/**
 * npm run demo — the app with demo data on the embedded database, no server or configuration
 * needed: migrates .data/, seeds it when empty, serves the production build on port 3000.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDatabase } from "../lib/db/client";
import { databaseTarget, describeTarget } from "../lib/db/config";
import { migrate } from "../lib/db/migrations";
import { connectSql } from "../lib/db/sql-connection";
import { CONTACT_PERSONS, COORDINATOR } from "../prisma/seed/dieren-west";
import { isSeeded, seedDemo } from "../prisma/seed/seed";
import { runCli } from "./run-cli";

const PORT = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

await runCli(async () => {
  if (process.env.DATABASE_URL) {
    console.log("Note: the demo ignores DATABASE_URL and uses the embedded database in .data/.");
  }
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  const target = databaseTarget(env);

  const conn = await connectSql(target);
  await migrate(conn, { log: (line) => console.log(line) });
  await conn.close();

  const db = await createDatabase(target);
  if (await isSeeded(db.prisma)) console.log(`${describeTarget(target)} already holds data; keeping it.`);
  else {
    const result = await seedDemo(db.prisma);
    console.log(`Seeded ${describeTarget(target)} with ${result.applications} sample applications.`);
  }
  await db.close();

  // A stable secret for the demo's sessions, kept beside its data (never committed).
  const secretFile = path.join(dataDir, "demo-auth-secret");
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });

  const url = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, [path.resolve(".next/standalone/server.js")], {
    stdio: "inherit",
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOSTNAME: "0.0.0.0",
      APP_URL: process.env.APP_URL ?? url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8"),
      SMTP_URL: "",
      DEV_OUTBOX: "true",
    },
  });
  console.log(`
Buurtpreventie demo: ${url}

Sign in at ${url}/sign-in as
  coordinator:     ${COORDINATOR.email}
  contact person:  ${CONTACT_PERSONS[0]!.email} (subarea 1; contact-2 … contact-4 have the others)
No mail is sent in the demo: the sign-in link is printed below and kept in the outbox at ${url}/dev/outbox.
Stop with Ctrl+C. The data stays in .data/; delete that folder to start afresh.
`);
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve) => server.on("exit", () => resolve()));
});
