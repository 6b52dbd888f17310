import "server-only";
import type { ApplicationStatus } from "../db/generated/enums";
import type { Tx } from "../db/scope";
import { ACTIVE_STATUSES } from "./status-machine";

export interface ActiveApplicationRef {
  id: number;
  status: ApplicationStatus;
  version: number;
}

/**
 * The active application (NEW, WAITING, ASSIGNED, ADDED, UNREACHABLE) of each of these E.164
 * numbers, if any: staff intake makes no second record for such a number, the public form only
 * one with an e-mail address (issue 11 item 7). One query on the mobile index, however many
 * numbers; the oldest application answers for a number that has two.
 */
export async function findActiveDuplicates(tx: Tx, mobiles: readonly string[]): Promise<Map<string, ActiveApplicationRef>> {
  const found = new Map<string, ActiveApplicationRef>();
  const unique = [...new Set(mobiles)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const rows = await tx.application.findMany({
      where: { mobile: { in: unique.slice(i, i + 10_000) }, status: { in: [...ACTIVE_STATUSES] } },
      select: { id: true, mobile: true, status: true, version: true },
      orderBy: { id: "asc" },
    });
    for (const row of rows) if (!found.has(row.mobile)) found.set(row.mobile, { id: row.id, status: row.status, version: row.version });
  }
  return found;
}

export async function findActiveDuplicate(tx: Tx, mobile: string): Promise<ActiveApplicationRef | null> {
  return (await findActiveDuplicates(tx, [mobile])).get(mobile) ?? null;
}
