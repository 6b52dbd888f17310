import "server-only";
import type { Tx } from "../db/scope";
import type { SubareaRule } from "./classify-address";

/** Every address rule of an active or proposed subarea, for classifyAddress (matching in memory). */
export async function loadAddressRules(tx: Tx): Promise<SubareaRule[]> {
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
      subarea: { select: { status: true } },
    },
    orderBy: { id: "asc" },
  });
  return rules.map(({ subarea, ...rule }) => ({ ...rule, subareaStatus: subarea.status as SubareaRule["subareaStatus"] }));
}
