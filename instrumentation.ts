/**
 * Runs once when the server starts: refuse to serve with a bad configuration, an unreachable
 * database or pending migrations — one sentence on stderr and exit code 1, no stack trace —
 * then start the background work (mail delivery).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start");
  await startServer();
}
