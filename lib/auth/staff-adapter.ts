import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import type { PrismaClient } from "../db/client";

/**
 * A session ends at the latest this long after it was created, however often it is used
 * (the sliding lifetime in lib/auth/auth.ts ends it earlier when it lies unused). A stolen
 * session cookie therefore stops working within a day.
 */
export const SESSION_ABSOLUTE_HOURS = 24;

/** A session ends after this many seconds unused (Auth.js `session.maxAge`, lib/auth/auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A used session's end moves on at most this often (Auth.js `session.updateAge`): a write per hour, not per request. */
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60;

/** The moment a session created at `createdAt` ends at the latest (UTC instant). */
export function absoluteSessionEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000);
}

/**
 * Auth.js's Prisma adapter with three rules of ours on top (docs/decisions/004):
 * - asking for a new sign-in link deletes the earlier, unused links of that address, in the same
 *   transaction that stores the new one, so only the newest mail works;
 * - a session older than SESSION_ABSOLUTE_HOURS is deleted and treated as absent;
 * - extending a session never moves its end past that absolute cap.
 * Everything else is the adapter as published.
 */
export function staffAdapter(prisma: PrismaClient): Adapter {
  // The adapter's types expect @prisma/client's class; ours is generated elsewhere (docs/decisions/004).
  const base = PrismaAdapter(prisma as never);
  return {
    ...base,
    async createVerificationToken(token) {
      await prisma.$transaction([
        prisma.verificationToken.deleteMany({ where: { identifier: token.identifier } }),
        prisma.verificationToken.create({ data: token }),
      ]);
      return token;
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(sessionToken);
      if (!found) return null;
      const { createdAt } = found.session as AdapterSession & { createdAt: Date };
      const end = absoluteSessionEnd(createdAt);
      if (end.getTime() <= Date.now()) {
        await prisma.session.deleteMany({ where: { sessionToken } });
        return null;
      }
      return { ...found, session: { ...found.session, expires: end < found.session.expires ? end : found.session.expires } };
    },
    async updateSession(session) {
      const stored = await prisma.session.findUnique({ where: { sessionToken: session.sessionToken }, select: { createdAt: true, expires: true } });
      if (!stored) return null;
      const end = absoluteSessionEnd(stored.createdAt);
      const expires = session.expires && session.expires < end ? session.expires : end;
      // Near the cap Auth.js asks on every request; the value no longer changes, so no write.
      if (expires.getTime() === stored.expires.getTime()) return { ...session, expires } as AdapterSession;
      return (await prisma.session.update({ where: { sessionToken: session.sessionToken }, data: { expires } })) as AdapterSession;
    },
  };
}
