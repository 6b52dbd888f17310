import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/scope";
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

/**
 * Counts one attempt for `subject` under `rule` in the database, so every app instance shares
 * the count (a fixed window, reset when it expires). The subject (an address, an e-mail) is
 * stored only as a keyed hash.
 */
export async function consumeRateLimit(tx: Tx, rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  return (await consumeRateLimits(tx, [{ rule, subject }], now))[0]!;
}

/**
 * `consumeRateLimit` for several rules at once, in one statement (a public form's limit per
 * client and its single-use token: one round trip, not two). Results in the order given. Every
 * attempt is counted, also when another one is refused; the rules must name different rows
 * (throws otherwise, as PostgreSQL cannot update one row twice in a statement).
 */
export async function consumeRateLimits(tx: Tx, attempts: readonly { rule: RateLimitRule; subject: string }[], now = new Date()): Promise<RateLimitResult[]> {
  const rows = attempts.map(({ rule, subject }) => ({ key: rateLimitKey(rule.name, subject), fresh: new Date(now.getTime() + rule.windowMs), limit: rule.limit }));
  if (new Set(rows.map((r) => r.key)).size !== rows.length) throw new Error("consumeRateLimits: two attempts on one row");
  const counted = await tx.$queryRaw<{ key: string; count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimit" (key, count, "expiresAt") VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.key}, 1, ${r.fresh})`))}
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN 1 ELSE "RateLimit".count + 1 END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN EXCLUDED."expiresAt" ELSE "RateLimit"."expiresAt" END
    RETURNING key, count, "expiresAt"`;
  const byKey = new Map(counted.map((row) => [row.key, row]));
  return rows.map(({ key, limit }) => {
    const row = byKey.get(key)!;
    const allowed = row.count <= limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)) };
  });
}

/** The row that counts `subject` under the rule named `name`; the subject only as a keyed hash. */
export function rateLimitKey(name: string, subject: string): string {
  return `${name}:${keyedHash("rate-limit", subject)}`;
}
