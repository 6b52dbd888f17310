import { keyedHash } from "../crypto/keyed-hash";
import type { Tx } from "../db/scope";

/**
 * Numbers removed for a rule violation are kept only as a keyed hash (HMAC under AUTH_SECRET),
 * so a repeat application can be flagged without the plain number being kept.
 */
export function numberHash(e164: string): string {
  return keyedHash("blocked-number", e164);
}

export async function blockNumber(tx: Tx, e164: string): Promise<void> {
  await tx.blockedNumber.createMany({ data: [{ hash: numberHash(e164) }], skipDuplicates: true });
}

export async function isBlockedNumber(tx: Tx, e164: string): Promise<boolean> {
  return (await tx.blockedNumber.count({ where: { hash: numberHash(e164) } })) > 0;
}

/** Which of these numbers are blocked (one query, for imports). */
export async function blockedAmong(tx: Tx, e164s: readonly string[]): Promise<Set<string>> {
  const byHash = new Map(e164s.map((n) => [numberHash(n), n]));
  const rows = await tx.blockedNumber.findMany({ where: { hash: { in: [...byHash.keys()] } }, select: { hash: true } });
  return new Set(rows.map((r) => byHash.get(r.hash)!));
}
