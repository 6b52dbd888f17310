import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client";
import type { DatabaseTarget } from "./config";
import { openEmbedded } from "./embedded";
import { wrapPglite, type SqlConnection } from "./sql-connection";

export { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  /** A plain SQL connection on the same database (the same PGlite instance when embedded). */
  sql(): Promise<SqlConnection>;
  close(): Promise<void>;
}

/** The one place a Prisma client is made: PostgreSQL through adapter-pg, or embedded PGlite. */
export async function createDatabase(
  target: DatabaseTarget | { kind: "embedded-instance"; pglite: PGlite },
  { poolSize = 10 }: { poolSize?: number } = {},
): Promise<Database> {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: poolSize, connectionTimeoutMillis: 5000 });
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      async sql() {
        const { connectSql } = await import("./sql-connection");
        return connectSql(target);
      },
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = target.kind === "embedded" ? await openEmbedded(target.dataDir) : target.pglite;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    async sql() {
      return wrapPglite(pglite, false);
    },
    async close() {
      await prisma.$disconnect();
      if (target.kind === "embedded") await pglite.close();
    },
  };
}
