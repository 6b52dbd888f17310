import { getTranslations } from "next-intl/server";
import { formatPostcode } from "@/lib/subareas/address";

export interface RuleLike {
  street: string | null;
  postcodeFrom: string | null;
  postcodeTo: string | null;
  houseNumberFrom: number | null;
  houseNumberTo: number | null;
  parity: "ALL" | "ODD" | "EVEN";
}

/** An address rule in words: "Kerkstraat, odd numbers 1–99, postcodes 6951 AA–6951 ZZ". */
export async function RuleDescription({ rule }: { rule: RuleLike }) {
  const t = await getTranslations("staff.rules");
  const parts: string[] = [];
  parts.push(rule.street ?? t("anyStreet"));
  if (rule.houseNumberFrom !== null || rule.houseNumberTo !== null) {
    parts.push(t("numbers", { from: rule.houseNumberFrom ?? 1, to: rule.houseNumberTo ?? "…" }));
  }
  if (rule.parity !== "ALL") parts.push(t(rule.parity === "ODD" ? "odd" : "even"));
  if (rule.postcodeFrom || rule.postcodeTo) {
    parts.push(t("postcodes", { from: formatPostcode(rule.postcodeFrom ?? "…"), to: formatPostcode(rule.postcodeTo ?? "…") }));
  }
  return <>{parts.join(", ")}</>;
}
