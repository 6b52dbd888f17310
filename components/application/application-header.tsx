import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ApplicationDetail } from "@/lib/applications/application-detail";

/** The application's name, status, reason, source and the notes a coordinator must see first. */
export async function ApplicationHeader({ application: a }: { application: ApplicationDetail["application"] }) {
  const [t, format] = await Promise.all([getTranslations("staff"), getFormatter()]);
  return (
    <header className="space-y-1">
      <p className="text-sm text-slate-600">
        <Link href="/staff/applications" className="text-brand-700 underline">{t("nav.applications")}</Link> › #{a.id}
      </p>
      <h1 className="text-2xl font-bold">{a.anonymisedAt ? t("detail.anonymised") : a.name}</h1>
      <p>
        <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{t(`status.${a.status}`)}</span>
        {a.rejectionReason && <> · {t(`reasons.${a.rejectionReason}`)}</>}
        {a.inGroup && <> · {t("detail.inGroup")}</>}
        {" · "}
        {t("detail.applied", { date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} · {t(`sources.${a.source}`)}
      </p>
      {a.addressUnrecognised && !a.anonymisedAt && (
        <p role="note" className="rounded bg-amber-50 p-2 text-sm font-medium">
          {t("applications.addressUnrecognised")}: {t("detail.addressUnrecognised")}
        </p>
      )}
      {a.repeatAttempts > 0 && (
        <p role="note" className="rounded bg-amber-50 p-2 text-sm">
          {t("detail.repeat", { count: a.repeatAttempts })}
        </p>
      )}
      {a.duplicateOfId && (
        <p className="text-sm">
          {t("detail.duplicateOf")} <a href={`/staff/applications/${a.duplicateOfId}`} className="text-brand-700 underline">#{a.duplicateOfId}</a>
        </p>
      )}
    </header>
  );
}
