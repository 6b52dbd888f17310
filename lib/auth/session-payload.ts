import type { Session } from "next-auth";

/** What a session tells the server (auth()): who, in which role, until when. */
export interface SessionPayload extends Session {
  user: { id: string; name: string | null; role: string };
  expires: string;
}

/** What the browser may read at /api/auth/session: no ids, no token, no account row. */
export interface ClientSession {
  user: { name: string | null; role: string };
  /** ISO 8601, UTC: when the session ends unless it is used again (never past the cap). */
  expires: string;
}

/**
 * The session callback's result, built from the account row and the session's end. Only these
 * fields, so the session token and the rest of the user row never leave the server.
 */
export function sessionPayload(user: { id: string; name?: string | null; role: string }, expires: Date | string): SessionPayload {
  return { user: { id: user.id, name: user.name ?? null, role: user.role }, expires: new Date(expires).toISOString() };
}

/**
 * Narrows Auth.js's session answer (whatever the callback returned, or null) to ClientSession,
 * for GET/POST /api/auth/session. Anything unexpected gives null (signed out).
 */
export function clientSession(body: unknown): ClientSession | null {
  const session = body as Partial<SessionPayload> | null;
  if (!session?.user || typeof session.expires !== "string" || typeof session.user.role !== "string") return null;
  return { user: { name: session.user.name ?? null, role: session.user.role }, expires: session.expires };
}
