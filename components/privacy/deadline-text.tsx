import { getTranslations } from "next-intl/server";
import { daysLeft } from "@/lib/privacy/privacy-deadline";

/** "12 days left", or in the alert colour "3 days overdue". */
export async function DeadlineText({ dueAt, now }: { dueAt: Date; now: Date }) {
  const t = await getTranslations("staffPrivacy");
  const days = daysLeft(dueAt, now);
  if (days < 0) return <strong className="font-semibold text-alert-700">{t("overdue", { days: -days })}</strong>;
  return <span className={days <= 7 ? "font-semibold text-alert-700" : undefined}>{t("daysLeft", { days })}</span>;
}
