import type { Tx } from "../db/scope";
import type { SubareaRule } from "./classify-address";

/**
 * Every address rule of an active or proposed subarea (retired subareas take no applications),
 * loaded once so that many addresses can be classified in memory (an import of 10,000 rows).
 * One statement with its subarea joined in (Prisma sends a relation as a second query), as
 * every public application reads these (issue 15).
 */
export async function loadSubareaRules(tx: Tx): Promise<SubareaRule[]> {
  return tx.$queryRaw<SubareaRule[]>`
    SELECT r.id, r."subareaId", r.street, r."postcodeFrom", r."postcodeTo", r."houseNumberFrom", r."houseNumberTo",
      r.parity::text AS parity, s.status::text AS "subareaStatus", s.name AS "subareaName"
    FROM "AddressRule" r JOIN "Subarea" s ON s.id = r."subareaId"
    WHERE s.status IN ('ACTIVE', 'PROPOSED')
    ORDER BY r.id`;
}
