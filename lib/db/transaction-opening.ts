import { AsyncLocalStorage } from "node:async_hooks";

/**
 * SQL a scoped transaction asks the driver to send together with its BEGIN, so that opening the
 * transaction and setting its role and settings take one round trip instead of two
 * (lib/db/scope.ts). `sent` tells the transaction whether the driver did; if not (embedded
 * database, an isolation level, a driver that never saw it), it sets them itself.
 */
export interface TransactionOpening {
  readonly sql: string;
  sent: boolean;
}

// One store per process, on globalThis: Next.js bundles lib/db into several chunks, and the copy
// in the scope must share the store with the copy in the driver.
const holder = globalThis as unknown as { __buurtTransactionOpening?: AsyncLocalStorage<TransactionOpening> };
const store = (holder.__buurtTransactionOpening ??= new AsyncLocalStorage<TransactionOpening>());

/** Runs `fn` (which starts one transaction) with `opening` waiting for that transaction's BEGIN. */
export function withTransactionOpening<T>(opening: TransactionOpening, fn: () => Promise<T>): Promise<T> {
  return store.run(opening, fn);
}

/**
 * For the driver, at a BEGIN: the SQL to send with it, once. Later BEGINs in the same context (a
 * transaction started inside the scoped one's callback) get nothing: the opening belongs to the
 * first transaction only.
 */
export function takeTransactionOpening(): string | undefined {
  const opening = store.getStore();
  if (!opening || opening.sent) return undefined;
  opening.sent = true;
  return opening.sql;
}
