import { AsyncLocalStorage } from "node:async_hooks";
import { isDatabaseUnavailable } from "./database-unavailable";

/**
 * Thrown where a library swallowed a database outage and answered something else (Auth.js turns
 * an adapter error into "no session" or a 500): it carries the outage as its `cause`, so
 * `isDatabaseUnavailable` recognises it and the request answers "try again".
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// One store per process, on globalThis: Next.js bundles this module into several chunks (pages,
// route handlers), and the copy that notes must share the store with the copy that watches.
const holder = globalThis as unknown as { __buurtOutageWitness?: AsyncLocalStorage<{ outage?: unknown }> };
const store = (holder.__buurtOutageWitness ??= new AsyncLocalStorage<{ outage?: unknown }>());

/** Called by a library's error logger: remembers an outage for the surrounding `witnessOutage`. */
export function noteOutage(error: unknown): void {
  const current = store.getStore();
  if (current && current.outage === undefined && isDatabaseUnavailable(error)) current.outage = error;
}

/**
 * Runs `fn` and reports whether a database outage was noted (`noteOutage`) while it ran, even if
 * `fn` itself returned normally or threw something unrelated.
 */
export async function witnessOutage<T>(fn: () => Promise<T>): Promise<{ outage: unknown } & ({ ok: true; value: T } | { ok: false; error: unknown })> {
  const seen: { outage?: unknown } = {};
  try {
    const value = await store.run(seen, fn);
    return { outage: seen.outage, ok: true, value };
  } catch (error) {
    return { outage: seen.outage, ok: false, error };
  }
}
