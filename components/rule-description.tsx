import { describeRule, type RuleLike } from "@/lib/subareas/describe-rule";
import { ruleWords } from "@/lib/subareas/rule-words";

export type { RuleLike };

/** An address rule in words: "Kerkstraat, odd numbers 1–99, postcodes 6951 AA–6951 ZZ". */
export async function RuleDescription({ rule }: { rule: RuleLike }) {
  return <>{describeRule(rule, await ruleWords())}</>;
}
