import { z } from "zod";
import type { PrismaClient } from "../db/client";
import { inScope } from "../db/scope";
import { ConfigError } from "../config/config-error";

const input = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(120),
});

/**
 * Bootstrap for a fresh deployment (npm run create-coordinator): the first coordinator, who
 * then invites everyone else in the app. Running it again for the same address is harmless.
 */
export async function createCoordinator(prisma: PrismaClient, args: { email?: string; name?: string }): Promise<"created" | "exists"> {
  const parsed = input.safeParse(args);
  if (!parsed.success) {
    throw new ConfigError("Give a valid --email and a --name, e.g. npm run create-coordinator -- --email anna@example.org --name \"Anna de Vries\".");
  }
  const { email, name } = parsed.data;
  return inScope(prisma, { role: "service" }, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { role: true, active: true } });
    if (existing?.role === "CONTACT_PERSON") {
      throw new ConfigError(`${email} is a contact person; change the role in the app instead.`);
    }
    if (existing) {
      if (!existing.active) await tx.user.update({ where: { email }, data: { active: true }, select: { id: true } });
      return "exists";
    }
    await tx.user.create({ data: { email, name, role: "COORDINATOR" }, select: { id: true } });
    return "created";
  });
}
