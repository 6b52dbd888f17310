import type { Tx } from "../db/scope";
import { matchAddress, type Address } from "./address";

export type IntakeMatch =
  | { kind: "active"; subareaId: number; ruleId: number }
  | { kind: "proposed"; subareaId: number; ruleId: number }
  | { kind: "outside" };

/**
 * Which subarea an address belongs to, among those a resident can join (ACTIVE) or wait for
 * (PROPOSED: no group yet). Retired subareas take no applications.
 */
export async function matchIntakeAddress(tx: Tx, address: Address): Promise<IntakeMatch> {
  const rules = await tx.addressRule.findMany({
    where: { subarea: { status: { in: ["ACTIVE", "PROPOSED"] } } },
    select: {
      id: true, subareaId: true, street: true, postcodeFrom: true, postcodeTo: true,
      houseNumberFrom: true, houseNumberTo: true, parity: true, subarea: { select: { status: true } },
    },
  });
  const rule = matchAddress(rules, address);
  if (!rule) return { kind: "outside" };
  return { kind: rule.subarea.status === "ACTIVE" ? "active" : "proposed", subareaId: rule.subareaId, ruleId: rule.id };
}


