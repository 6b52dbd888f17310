/**
 * Whether an error means the database could not be reached or went away mid-transaction (a
 * restart, a failover, a full pool). Public forms answer those with "try again in a moment"
 * instead of a 500; anything else is a bug and is thrown on.
 */
const CODES = new Set([
  // Prisma: cannot reach, timed out, closed, pool timeout, transaction API error.
  "P1001", "P1002", "P1008", "P1017", "P2024", "P2028",
  // PostgreSQL: connection exceptions, shutting down, starting up, too many connections.
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300",
  // Node sockets.
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTCONN",
]);

const MESSAGES = /connection terminated|terminating connection|connection (?:is )?closed|can't reach database|econnrefused|econnreset|server closed the connection|the database system is (?:starting up|shutting down|in recovery mode)|transaction already closed|unable to start a transaction|client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    if (typeof e.code === "string" && CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && CODES.has(e.originalCode)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
