import { notFound } from "next/navigation";
import { z } from "zod";

/** A database id (PostgreSQL `integer`): 1 … 2,147,483,647. "9e99", "1.5", "-1", "0x1f" are not. */
export const recordIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The `[id]` of a staff route as a number, or the route's 404 when it is no id at all (so a
 * hostile URL gets "not found", never a database error). For pages and route handlers.
 */
export function recordIdOrNotFound(segment: string): number {
  const parsed = /^\d{1,10}$/.test(segment) ? recordIdSchema.safeParse(segment) : null;
  if (!parsed?.success) notFound();
  return parsed.data;
}
