import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { config } from "../config/env";
import { database, withScope } from "../db";
import type { PrismaClient } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { noteOutage } from "../db/outage-witness";
import { isActiveStaff, loadViewer } from "./load-viewer";
import { sendSignInLink, SIGN_IN_LINK_MINUTES } from "./send-sign-in-link";
import { sessionCookie } from "./session-cookie";
import { sessionPayload } from "./session-payload";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, staffAdapter } from "./staff-adapter";

/**
 * Auth.js: e-mail magic links (single use, 15 minutes, only the newest per address, spent only
 * by the confirm page's POST), database sessions so that every request reads the account fresh
 * (12 hours unused, SESSION_ABSOLUTE_HOURS at most). Staff only: there is no sign-up. Pages read
 * the viewer without Auth.js (lib/auth/viewer.ts); these serve sign-in, sign-out and the
 * /api/auth routes.
 */
export const { handlers, signIn, signOut } = NextAuth(async () => {
  // Auth.js asks for its configuration on every call: build it once per database (per process;
  // tests may point the app at another database).
  const { prisma } = await database();
  if (built?.prisma !== prisma) built = { prisma, config: authConfig(prisma) };
  return built.config;
});

let built: { prisma: PrismaClient; config: NextAuthConfig } | undefined;

function authConfig(prisma: PrismaClient): NextAuthConfig {
  const { APP_URL, SMTP_URL, mailFrom, secret } = config();
  // Auth.js builds its links and redirects from AUTH_URL: pin them to APP_URL, never to
  // whatever Host header a request carries.
  process.env.AUTH_URL = `${APP_URL.replace(/\/$/, "")}/api/auth`;
  return {
    adapter: staffAdapter(prisma),
    secret,
    trustHost: true,
    // Auth.js turns an adapter error into "no session" or a 500; noting a database outage here
    // lets getViewer and the Auth.js routes answer "try again" instead (lib/db/outage-witness.ts).
    logger: {
      error(error) {
        noteOutage(error);
        const type = (error as { type?: string }).type ?? error.name;
        console.error(`[auth][error] ${type}${isDatabaseUnavailable(error) ? " (database unavailable)" : ""}`);
      },
    },
    useSecureCookies: APP_URL.startsWith("https:"),
    cookies: { sessionToken: sessionCookie(APP_URL) },
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    providers: [
      Nodemailer({
        server: SMTP_URL ?? { jsonTransport: true },
        from: mailFrom,
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        sendVerificationRequest: sendSignInLink,
      }),
    ],
    callbacks: {
      // Asking for a link is always "allowed" (the answer must not reveal who is staff);
      // following one requires an active staff account.
      async signIn({ user, email }) {
        if (email?.verificationRequest) return true;
        if (!user.email) return false;
        return withScope({ role: "service" }, async (tx) => (await isActiveStaff(tx, user.email!)) !== null);
      },
      // After signing in: only somewhere on this site.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : `${baseUrl}/staff`;
      },
      // What auth() and /api/auth/session return: never the session token or the user row.
      session({ session, user }) {
        return sessionPayload(user as typeof user & { role: string }, session.expires);
      },
    },
    events: {
      async signIn({ user }) {
        if (!user.id) return;
        await withScope({ role: "service" }, async (tx) => {
          const viewer = await loadViewer(tx, user.id!);
          if (viewer) await recordAudit(tx, viewer, { action: "auth.sign_in", targetType: "User", targetId: viewer.userId });
        });
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (!userId) return;
        await withScope({ role: "service" }, async (tx) => {
          const viewer = await loadViewer(tx, userId);
          if (viewer) await recordAudit(tx, viewer, { action: "auth.sign_out", targetType: "User", targetId: viewer.userId });
        });
      },
    },
  };
}
