import type { RuleLike } from "./describe-rule";

/** An existing rule of another subarea that a new rule overlaps. */
export interface OverlappingRule {
  id: number;
  subareaName: string;
  rule: RuleLike;
  /** The new rule is the more specific one: it decides the addresses under both. */
  newWins: boolean;
}

/**
 * A new rule overlaps rules of other subareas. `ambiguous`: at least one is exactly as specific,
 * so only the rules' order would decide (refused); otherwise the more specific rule decides, and
 * saving needs the coordinator's explicit confirmation (docs/decisions/010, matchAddress).
 */
export class RuleOverlapError extends Error {
  override readonly name = "RuleOverlapError";
  constructor(
    readonly overlaps: readonly OverlappingRule[],
    readonly ambiguous: boolean,
  ) {
    super("rule overlaps");
  }
}
