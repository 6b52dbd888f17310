import "server-only";
import { getTranslations } from "next-intl/server";
import type { RuleWords } from "./describe-rule";

/** A rule's words in the viewer's language. */
export async function ruleWords(): Promise<RuleWords> {
  const t = await getTranslations("staff.rules");
  return {
    anyStreet: t("anyStreet"),
    odd: t("odd"),
    even: t("even"),
    numbers: (from, to) => t("numbers", { from, to }),
    postcodes: (from, to) => t("postcodes", { from, to }),
  };
}
