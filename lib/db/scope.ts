import pg from "pg";
import type { Database, PrismaClient } from "./client";
import type { Prisma } from "./generated/client";
import { withTransactionOpening, type TransactionOpening } from "./transaction-opening";

export type Tx = Prisma.TransactionClient;

/**
 * Who a transaction acts for, as PostgreSQL's row-level security sees it
 * (prisma/migrations/*_row_level_security). Built from the viewer by lib/access.
 */
export type DbScope =
  | { role: "service" }
  | { role: "coordinator"; userId: string }
  | {
      role: "contact";
      userId: string;
      subareaIds: readonly number[];
      /** The central mailbox (MAILBOX_ADDRESS): the only recipient this scope may queue mail to; none without it. */
      mailbox?: string;
    }
  | { role: "resident"; applicationId: number };

const ROLE_NAMES = {
  service: "buurt_service",
  coordinator: "buurt_coordinator",
  contact: "buurt_contact",
  resident: "buurt_resident",
} as const satisfies Record<DbScope["role"], string>;

export interface ScopeOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Milliseconds; long for bulk work such as imports and the purge job. */
  timeout?: number;
}

/**
 * Runs `fn` in one transaction under the scope's database role, with the scope's subareas or
 * application, the acting staff member and (contact scope) the mailbox as transaction-local
 * settings, which the policies and triggers of prisma/migrations/*_database_wall check. The
 * settings end with the transaction, so a pooled connection never carries one viewer's rights
 * into another's request. On PostgreSQL the settings travel with the BEGIN (one round trip,
 * lib/db/transaction-opening.ts); where they could not, the first statement sets them.
 */
export async function inScope<T>(
  prisma: PrismaClient,
  scope: DbScope,
  fn: (tx: Tx) => Promise<T>,
  { isolationLevel, timeout = 10_000 }: ScopeOptions = {},
): Promise<T> {
  const opening: TransactionOpening = { sql: settingsSql(scopeSettings(scope)), sent: false };
  const transaction = () =>
    prisma.$transaction(
      async (tx) => {
        // The values in it are escaped literals (settingsSql).
        if (!opening.sent) await tx.$queryRawUnsafe(opening.sql);
        return fn(tx);
      },
      { isolationLevel, timeout, maxWait: 10_000 },
    );
  // SET TRANSACTION ISOLATION LEVEL must precede every query, so it cannot follow the opening.
  return isolationLevel ? transaction() : withTransactionOpening(opening, transaction);
}

/**
 * One statement in a scope in one round trip: the scope's settings and `sql` sent as one simple
 * query (one implicit transaction, so the settings end with it, as in inScope, and a write is
 * committed with it). `sql` is one statement without parameters, a SELECT or a write with
 * RETURNING: every value in it must be inlined with `sqlLiteral`. Rows come as the driver parses
 * them (select timestamps as numbers). For the hottest single statements only (the viewer of
 * every staff request, lib/auth/session-viewer.ts; a rate limit standing alone,
 * lib/rate-limit/consume-rate-limit.ts); everything else uses inScope.
 */
export async function statementInScope<Row>(db: Pick<Database, "script">, scope: DbScope, sql: string): Promise<Row[]> {
  return (await db.script(`${settingsSql(scopeSettings(scope))}; ${sql}`)) as Row[];
}

/** A string as an SQL literal, for statementInScope's inlined values (pg's escaping: quotes, backslashes). */
export const sqlLiteral = (value: string): string => pg.escapeLiteral(value);

/** `SELECT set_config(…)` for all settings, values inlined (sent without parameters). */
function settingsSql(settings: [string, string][]): string {
  return `SELECT ${settings.map(([name, value]) => `set_config(${sqlLiteral(name)}, ${sqlLiteral(value)}, true)`).join(", ")}`;
}

/** The transaction-local settings of a scope, as [name, value], the role first. */
function scopeSettings(scope: DbScope): [string, string][] {
  return [
    ["role", ROLE_NAMES[scope.role]],
    ["app.subarea_ids", scope.role === "contact" ? scope.subareaIds.map((id) => Math.trunc(id)).join(",") : ""],
    ["app.application_id", scope.role === "resident" ? String(Math.trunc(scope.applicationId)) : ""],
    ["app.user_id", "userId" in scope ? scope.userId : ""],
    ["app.mailbox", scope.role === "contact" ? (scope.mailbox ?? "") : ""],
  ];
}

/**
 * Runs `fn` inside the caller's transaction with the service role's rights, then switches back
 * to the caller's role. For the one step a coordinator's action must take on the service-only
 * tables of the database wall (erasing a person's sign-in links and rate-limit counters, AVG
 * art. 17), without splitting the erasure over two transactions. The transaction-local
 * settings (acting user, subareas) stay as they were.
 */
export async function withServiceRights<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const [{ role }] = await tx.$queryRaw<[{ role: string }]>`SELECT current_user AS role`;
  await tx.$queryRaw`SELECT set_config('role', ${ROLE_NAMES.service}, true)`;
  const result = await fn();
  await tx.$queryRaw`SELECT set_config('role', ${role}, true)`;
  return result;
}
