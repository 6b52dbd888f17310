import type { Tx } from "../db/scope";
import type { SubareaRule } from "./classify-address";

/**
 * Every address rule of an active or proposed subarea (retired subareas take no applications),
 * loaded once so that many addresses can be classified in memory (an import of 10,000 rows).
 */
export async function loadSubareaRules(tx: Tx): Promise<SubareaRule[]> {
  const rules = await tx.addressRule.findMany({
    where: { subarea: { status: { in: ["ACTIVE", "PROPOSED"] } } },
    select: {
      id: true,
      subareaId: true,
      street: true,
      postcodeFrom: true,
      postcodeTo: true,
      houseNumberFrom: true,
      houseNumberTo: true,
      parity: true,
      subarea: { select: { status: true, name: true } },
    },
    orderBy: { id: "asc" },
  });
  return rules.map(({ subarea, ...rule }) => ({
    ...rule,
    subareaStatus: subarea.status as SubareaRule["subareaStatus"],
    subareaName: subarea.name,
  }));
}
