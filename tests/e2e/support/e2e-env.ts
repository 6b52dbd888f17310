/**
 * Where the end-to-end servers live. Playwright evaluates its config in the runner and in
 * every worker; E2E_RUN_ID is fixed by the first and inherited by the others.
 */
process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}${process.pid}`;

export const RUN_ID = process.env.E2E_RUN_ID;
export const AUTH_SECRET = "e2e-only-secret-e2e-only-secret-0123456789";

// E2E_PORT_BASE lets two checkouts run their end-to-end suites side by side.
const BASE = Number(process.env.E2E_PORT_BASE ?? 3210);
export const SERVERS = {
  postgres: { port: BASE, smtpPort: BASE + 15, mailApiPort: BASE + 16 },
  embedded: { port: BASE + 1, smtpPort: BASE + 17, mailApiPort: BASE + 18 },
} as const;
export type ServerKind = keyof typeof SERVERS;

// "localhost", not 127.0.0.1: Next.js rewrites loopback addresses to localhost in request URLs,
// so cookies set for 127.0.0.1 would not come back. The servers still listen on 127.0.0.1 only.
export const baseUrl = (kind: ServerKind) => `http://localhost:${SERVERS[kind].port}`;
export const mailApiUrl = (kind: ServerKind) => `http://127.0.0.1:${SERVERS[kind].mailApiPort}`;

export function e2eDatabaseUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/buurt_e2e_${RUN_ID}`;
  return url.toString();
}
