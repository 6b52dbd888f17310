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
export async function consumeRateLimit(
  tx: Tx,
  rule: RateLimitRule,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> {
  const key = rateLimitKey(rule.name, subject);
  const fresh = new Date(now.getTime() + rule.windowMs);
  const [row] = await tx.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimit" (key, count, "expiresAt") VALUES (${key}, 1, ${fresh})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN 1 ELSE "RateLimit".count + 1 END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN ${fresh} ELSE "RateLimit"."expiresAt" END
    RETURNING count, "expiresAt"`;
  const allowed = row!.count <= rule.limit;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((row!.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** The row that counts `subject` under the rule named `name`; the subject only as a keyed hash. */
export function rateLimitKey(name: string, subject: string): string {
  return `${name}:${keyedHash("rate-limit", subject)}`;
}
