import "server-only";
import { getTranslations } from "next-intl/server";
import type { HistoryWords } from "./describe-history";
import { historyFieldLabel } from "./column-labels";

/** An application history's words in the viewer's language; every key is type-checked. */
export async function historyWords(): Promise<HistoryWords> {
  const [staff, v, field] = await Promise.all([getTranslations("staff"), getTranslations("vocabulary"), historyFieldLabel()]);
  return {
    eventType: (type) => staff(`events.${type}`),
    status: (status) => staff(`status.${status}`),
    field,
    reason: (code) => v(`reasons.${code}`),
  };
}
