import { getTranslations } from "next-intl/server";
import { describeRule, type RuleLike } from "@/lib/subareas/describe-rule";

export type { RuleLike };

/** An address rule in words: "Kerkstraat, odd numbers 1–99, postcodes 6951 AA–6951 ZZ". */
export async function RuleDescription({ rule }: { rule: RuleLike }) {
  const t = await getTranslations("staff.rules");
  return <>{describeRule(rule, t)}</>;
}
