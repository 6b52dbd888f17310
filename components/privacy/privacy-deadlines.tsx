import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NEAR_DEADLINE_DAYS } from "@/lib/privacy/privacy-deadline";
import { DeadlineText } from "./deadline-text";

interface Row {
  id: number;
  type: "ACCESS" | "RECTIFICATION" | "ERASURE" | "OBJECTION";
  dueAt: Date;
}

/** The staff dashboard's block: open privacy requests due within a week, or overdue. */
export async function PrivacyDeadlines({ deadlines, now = new Date() }: { deadlines: { rows: Row[]; total: number; open: number }; now?: Date }) {
  const [t, format] = await Promise.all([getTranslations("staffPrivacy"), getFormatter()]);
  return (
    <section aria-labelledby="privacy-deadlines" className="space-y-2">
      <h2 id="privacy-deadlines" className="font-semibold">
        {t("dashboard.heading")}
      </h2>
      {deadlines.rows.length === 0 ? (
        <p className="text-sm">{t("dashboard.none", { days: NEAR_DEADLINE_DAYS })}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {deadlines.rows.map((r) => (
            <li key={r.id}>
              <a href={`/staff/privacy/${r.id}`} className="text-brand-700 underline">
                {t("detail.title", { id: r.id })}: {t(`type.${r.type}`)}
              </a>{" "}
              · {format.dateTime(r.dueAt, { dateStyle: "medium" })} · <DeadlineText dueAt={r.dueAt} now={now} />
            </li>
          ))}
        </ul>
      )}
      {deadlines.total > deadlines.rows.length && <p className="text-sm">{t("dashboard.more", { count: deadlines.total - deadlines.rows.length })}</p>}
      <p className="text-sm">
        <Link href="/staff/privacy" className="text-brand-700 underline">
          {t("dashboard.all", { count: deadlines.open })}
        </Link>
      </p>
    </section>
  );
}
