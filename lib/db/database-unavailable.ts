/**
 * Whether an error means "the database cannot answer right now, try again": the server is
 * unreachable, shutting down, crashed, replaying its log after a crash, or full. Everything
 * else (a constraint, a syntax error, a permission, a statement timeout) is a bug or a domain
 * answer and is NOT matched.
 *
 * The error may sit anywhere in what Prisma 7 and its driver adapters throw (captured for real in
 * tests/fixtures/database-errors/, see capture.ts there):
 * - `PrismaClientKnownRequestError` P1001/P1017/P2037 with the adapter's `{ kind }` in
 *   `meta.driverAdapterError.cause`;
 * - P2010 (raw query) and P2039 (model query) "Database error" wrapping PostgreSQL's SQLSTATE in
 *   `meta.driverAdapterError.cause.originalCode` (57P03 while recovering, 57P01 admin shutdown);
 * - a plain `Error` from `pg` when the socket closes mid-query ("Connection terminated
 *   unexpectedly") and from PGlite after close ("PGlite is closed");
 * - node's socket errors (`code` ECONNREFUSED, ECONNRESET, EPIPE) in `.cause`;
 * - Auth.js's AdapterError / SessionTokenError around any of these, in `cause.err`.
 * Matched: SQLSTATE class 08 (connection exception), 57P01–57P03, 53300 (too many connections).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as Record<string, unknown>;
    if (isUnavailableCode(e.code) || isUnavailableCode(e.originalCode)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && e.code === undefined && CLOSED.test(e.message)) return true;
    // Auth.js wraps an adapter's error as `cause: { err }`.
    queue.push(e.cause, e.meta, e.driverAdapterError, e.originalError, e.err);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}

/** How long a client should wait before trying again, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

// Prisma: cannot reach, timed out, connection closed, pool timeout, transaction API error (a
// transaction whose connection went away), too many connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
// PostgreSQL (outside class 08): admin shutdown, crash shutdown, cannot connect now, too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTCONN", "EHOSTUNREACH", "ECONNABORTED"]);
// The driver adapter's error kinds (@prisma/driver-adapter-utils) for the same situations.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Errors with no code at all: pg's socket closed under a query or a client; PGlite closed.
const CLOSED = /^(?:Connection terminated(?: unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|PGlite is closed|timeout exceeded when trying to connect)$/;

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
