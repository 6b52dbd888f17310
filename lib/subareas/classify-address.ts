import { matchAddress, type Address, type AddressRuleInput } from "./address";

/** An address rule with the status of its subarea (retired subareas' rules are left out). */
export interface SubareaRule extends AddressRuleInput {
  subareaStatus: "ACTIVE" | "PROPOSED";
  subareaName: string;
}

/**
 * Where an application for this address goes, by the subareas' rules — the one rule every
 * way in uses (the apply form, the resident's corrections, mailbox intake, imports, the tester):
 * - covered: a subarea with a group → `NEW`, with that subarea suggested;
 * - waiting: an area without a group yet → `WAITING`, with that (proposed) subarea suggested;
 * - outside: no rule covers it → refused, nothing stored.
 */
export type AddressOutcome =
  | { kind: "covered"; status: "NEW"; subareaId: number; ruleId: number }
  | { kind: "waiting"; status: "WAITING"; subareaId: number; ruleId: number }
  | { kind: "outside" };

export function classifyAddress(rules: readonly SubareaRule[], address: Address): AddressOutcome {
  const rule = matchAddress(rules, address);
  if (!rule) return { kind: "outside" };
  return rule.subareaStatus === "ACTIVE"
    ? { kind: "covered", status: "NEW", subareaId: rule.subareaId, ruleId: rule.id }
    : { kind: "waiting", status: "WAITING", subareaId: rule.subareaId, ruleId: rule.id };
}
