/**
 * Every row of every table, as JSON text keyed by table and primary key, read as the
 * connecting (super)user so row-level security hides nothing. For "changed exactly these rows
 * and nothing else" assertions and for searching the whole database.
 */
type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

const KEYS: Record<string, string[]> = {
  VerificationToken: ["identifier", "token"],
  Session: ["sessionToken"],
  RateLimit: ["key"],
  BlockedNumber: ["hash"],
  JobLease: ["job"],
  SubareaContact: ["userId", "subareaId"],
  Account: ["provider", "providerAccountId"],
};

export type Snapshot = Map<string, string>;

export async function publicTables(query: Query): Promise<string[]> {
  return (await query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => r.name);
}

export async function snapshot(query: Query, { except = [] as string[] } = {}): Promise<Snapshot> {
  const rows = new Map<string, string>();
  for (const table of await publicTables(query)) {
    if (except.includes(table)) continue;
    for (const { row } of await query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`)) {
      const value = JSON.parse(row) as Record<string, unknown>;
      const key = (KEYS[table] ?? ["id"]).map((k) => String(value[k])).join("/");
      rows.set(`${table}:${key}`, row);
    }
  }
  return rows;
}

/** "Table:key changed|deleted|added", sorted. */
export function diff(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [key, row] of before) {
    if (!after.has(key)) out.push(`${key} deleted`);
    else if (after.get(key) !== row) out.push(`${key} changed`);
  }
  for (const key of after.keys()) if (!before.has(key)) out.push(`${key} added`);
  return out.sort();
}

/** The whole database as one lower-case text, every column of every row. */
export async function wholeDatabaseText(query: Query): Promise<string> {
  return [...(await snapshot(query)).values()].join("\n").toLowerCase();
}
