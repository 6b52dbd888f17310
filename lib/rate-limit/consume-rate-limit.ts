import type { Database } from "../db/client";
import { sqlLiteral, statementInScope, type Tx } from "../db/scope";
import { keyedHash } from "../crypto/keyed-hash";

export interface RateLimitRule {
  /** What is limited, e.g. "sign-in:address". */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** One attempt: `subject` (an address, an e-mail, a form token) counted under `rule`. */
export interface RateLimitAttempt {
  rule: RateLimitRule;
  subject: string;
}

/**
 * Counts one attempt for `subject` under `rule` in the database, so every app instance shares
 * the count (a fixed window, reset when it expires), inside the caller's transaction (the
 * attempt stands or falls with its work). The subject is stored only as a keyed hash.
 */
export async function consumeRateLimit(tx: Tx, rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  return (await consumeRateLimits(tx, [{ rule, subject }], now))[0]!;
}

/**
 * `consumeRateLimit` for several rules at once, in one statement (a public form's limit per
 * client and its single-use token). Results in the order given. Every attempt is counted, also
 * when another one is refused; the attempts must name different rows (throws otherwise, as
 * PostgreSQL cannot update one row twice in a statement).
 */
export async function consumeRateLimits(tx: Tx, attempts: readonly RateLimitAttempt[], now = new Date()): Promise<RateLimitResult[]> {
  const { sql, verdicts } = upsert(attempts, now);
  return verdicts(await tx.$queryRawUnsafe<CountedRow[]>(sql));
}

/**
 * The same, standing alone on `db` (the app's `database()`): the statement in one round trip in
 * the service scope (statementInScope), committed at once, where a transaction would take three
 * (issue 15: every public form post and sign-in checks a limit first).
 */
export async function consumeRateLimitsAlone(db: Pick<Database, "script">, attempts: readonly RateLimitAttempt[], now = new Date()): Promise<RateLimitResult[]> {
  const { sql, verdicts } = upsert(attempts, now);
  return verdicts(await statementInScope<CountedRow>(db, { role: "service" }, sql));
}

interface CountedRow {
  key: string;
  count: number;
  /** Milliseconds since the epoch (UTC). */
  expiresAt: number;
}

/** The upsert with its values inlined (statementInScope takes no parameters), and how to read its rows. */
function upsert(attempts: readonly RateLimitAttempt[], now: Date): { sql: string; verdicts: (rows: CountedRow[]) => RateLimitResult[] } {
  const rows = attempts.map(({ rule, subject }) => ({ key: rateLimitKey(rule.name, subject), fresh: new Date(now.getTime() + rule.windowMs), limit: rule.limit }));
  if (rows.length === 0 || new Set(rows.map((r) => r.key)).size !== rows.length) throw new Error("consumeRateLimits: no attempt, or two on one row");
  // Stored as timestamp without time zone holding UTC, as Prisma stores a DateTime.
  const at = (date: Date) => `${sqlLiteral(date.toISOString())}::timestamp(3)`;
  const sql = `
    INSERT INTO "RateLimit" (key, count, "expiresAt") VALUES ${rows.map((r) => `(${sqlLiteral(r.key)}, 1, ${at(r.fresh)})`).join(", ")}
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."expiresAt" <= ${at(now)} THEN 1 ELSE "RateLimit".count + 1 END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${at(now)} THEN EXCLUDED."expiresAt" ELSE "RateLimit"."expiresAt" END
    RETURNING key, count, round(extract(epoch FROM "expiresAt") * 1000)::float8 AS "expiresAt"`;
  const verdicts = (counted: CountedRow[]) => {
    const byKey = new Map(counted.map((row) => [row.key, row]));
    return rows.map(({ key, limit }) => {
      const row = byKey.get(key)!;
      const allowed = Number(row.count) <= limit;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((Number(row.expiresAt) - now.getTime()) / 1000)) };
    });
  };
  return { sql, verdicts };
}

/** The row that counts `subject` under the rule named `name`; the subject only as a keyed hash. */
export function rateLimitKey(name: string, subject: string): string {
  return `${name}:${keyedHash("rate-limit", subject)}`;
}
