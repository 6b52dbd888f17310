import crypto from "node:crypto";
import type { PrismaClient } from "../db/client";
import { inScope } from "../db/scope";

/**
 * Runs `work` only if no other instance runs job `name` right now (a lease in the database,
 * renewable with `renew()` between batches), and records the run in JobRun with its result —
 * counts only, never personal data. Returns null when another instance holds the lease.
 */
export async function runExclusive<R extends Record<string, number | string | boolean>>(
  prisma: PrismaClient,
  name: string,
  work: (renew: () => Promise<void>) => Promise<R>,
  { leaseMs = 10 * 60_000 }: { leaseMs?: number } = {},
): Promise<R | null> {
  const holder = `${process.pid}-${crypto.randomBytes(6).toString("hex")}`;
  const acquire = () =>
    inScope(prisma, { role: "service" }, async (tx) => {
      const expires = new Date(Date.now() + leaseMs);
      const rows = await tx.$queryRaw<{ holder: string }[]>`
        INSERT INTO "JobLease" (job, holder, "expiresAt") VALUES (${name}, ${holder}, ${expires})
        ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
        WHERE "JobLease"."expiresAt" < now() OR "JobLease".holder = ${holder}
        RETURNING holder`;
      return rows[0]?.holder === holder;
    });
  if (!(await acquire())) return null;
  const run = await inScope(prisma, { role: "service" }, (tx) => tx.jobRun.create({ data: { job: name }, select: { id: true } }));
  try {
    const result = await work(async () => {
      if (!(await acquire())) throw new Error(`job ${name}: lease lost`);
    });
    await inScope(prisma, { role: "service" }, (tx) => tx.jobRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), result } }));
    return result;
  } catch (error) {
    await inScope(prisma, { role: "service" }, (tx) =>
      tx.jobRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), result: { failed: true } } }),
    );
    throw error;
  } finally {
    await inScope(prisma, { role: "service" }, (tx) => tx.jobLease.deleteMany({ where: { job: name, holder } }));
  }
}
