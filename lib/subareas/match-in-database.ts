import type { Tx } from "../db/scope";
import { matchAddress, type Address } from "./address";

/**
 * Which subarea an address falls in, by the rules of active subareas and of subareas that do
 * not have a group yet (retired ones no longer count). Null: outside every subarea.
 */
export async function matchSubarea(tx: Tx, address: Address) {
  const rules = await tx.addressRule.findMany({
    where: { subarea: { status: { in: ["ACTIVE", "PROPOSED"] } } },
    select: {
      id: true, subareaId: true, street: true, postcodeFrom: true, postcodeTo: true, houseNumberFrom: true, houseNumberTo: true, parity: true,
      subarea: { select: { id: true, name: true, status: true } },
    },
  });
  return matchAddress(rules, address);
}
