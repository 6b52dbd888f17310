import { recordIdOrNotFound } from "@/lib/http/record-id";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guards";
import { DomainValidationError, NotFoundError } from "@/lib/errors";
import { buildAccessExport } from "@/lib/privacy/build-access-export";
import { formatAddress } from "@/lib/subareas/address";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";
import { displayPhone } from "@/lib/phone/mobile";
import { describeHistoryEvent } from "@/lib/applications/describe-history";
import { historyWords } from "@/lib/applications/history-words";
import { AUDIT_CHANNELS, AUDIT_FORMATS } from "@/lib/audit/describe-audit-event";
import type { StaffRole } from "@/lib/auth/capabilities";
import type { ShownSelect } from "@/lib/privacy/access-columns";
import { personalColumns, type FieldLabel } from "@/lib/privacy/processing-register";

type Row = "name" | "mobile" | "email" | "address" | "language" | "status" | "subarea" | "group" | "rules" | "notes" | "dates" | "reconfirm";
/**
 * Where the page shows each column the access export holds (shownColumns, from the processing
 * register): in one of the rows below, on a row of its own under its register label ("own"), or
 * in the JSON download only (null). A column added to the register fails the type check here
 * until it is placed.
 */
const ON_PAGE = {
  name: "name", mobile: "mobile", email: "email", emailConfirmedAt: "email",
  street: "address", houseNumber: "address", houseLetter: "address", houseNumberSuffix: "address", postcode: "address",
  locale: "language", status: "status", rejectionReason: "status", inGroup: "group", rulesVersion: "rules", rulesAcceptedAt: "rules", notes: "notes",
  createdAt: "dates", statusChangedAt: "dates", anonymisedAt: "dates", reconfirmAskedAt: "reconfirm", reconfirmedAt: "reconfirm",
  source: null, addressUnrecognised: null, suggestedSubareaId: null, duplicateOfId: null, repeatAttempts: null, lastRepeatAt: null,
  memberCheckAskedAt: null, memberCheckRemindedAt: null, memberConfirmedAt: null, memberCheckOpen: null,
} as const satisfies Record<keyof ShownSelect<"Application">, Row | "own" | null>;
const LABEL = new Map(personalColumns("Application").map(([column, [, label]]) => [column, label]));
const OWN_ROWS = (Object.keys(ON_PAGE) as (keyof typeof ON_PAGE)[]).filter((column) => (ON_PAGE[column] as string | null) === "own");

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staffPrivacy.title") };
}
/** The access export as a readable page (the same data as the JSON download). */
export default async function AccessExportPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/privacy/[id]/export", `/staff/privacy/${encodeURIComponent(id)}/export`);
  const data = await buildAccessExport(viewer, recordIdOrNotFound(id), "page").catch((error: unknown) => {
      if (error instanceof NotFoundError || error instanceof DomainValidationError) notFound();
      throw error;
    });
    const [t, tf, ts, format] = await Promise.all([getTranslations("staffPrivacy"), getTranslations("privacy.field"), getTranslations("staff"), getFormatter()]);
    const [tc, v, te, history] = await Promise.all([getTranslations("privacy.category"), getTranslations("vocabulary"), getTranslations("staff.expansion"), historyWords()]);
    const oneOf = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);
    const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
    const a = data.application;
    const staff = (p: { name: string | null; role: StaffRole | null }) =>
      `${p.name ?? t("export.unnamed")}${p.role ? ` (${t(`export.role.${p.role}`)})` : ""}`;
    const rows: [string, string][] = [
      [tf("name"), a.name || "—"],
      [tf("mobile"), displayPhone(a.mobile) || "—"],
      [tf("email"), a.email ? `${a.email}${a.emailConfirmedAt ? ` ✓ ${when(a.emailConfirmedAt)}` : ""}` : "—"],
      [tc("address"), a.street ? formatAddress(a) : "—"],
      [tf("language"), v(`languages.${a.locale}`)],
      [tf("status"), `${ts(`status.${a.status}`)}${a.rejectionReason ? ` (${v(`reasons.${a.rejectionReason}`)})` : ""}`],
      [tf("subarea"), a.subarea ?? "—"],
      [tf("group"), a.inGroup ? t("export.yes") : t("export.no")],
      [tf("rules"), `${a.rulesVersion}, ${when(a.rulesAcceptedAt)}`],
      [tf("notes"), a.notes ?? "—"],
      [tf("dates"), `${when(a.createdAt)} · ${when(a.statusChangedAt)}${a.anonymisedAt ? ` · ${when(a.anonymisedAt)}` : ""}`],
      [tf("reconfirm"), `${when(a.reconfirmAskedAt)} · ${when(a.reconfirmedAt)}`],
      ...OWN_ROWS.map((column): [string, string] => [tf(LABEL.get(column) as FieldLabel), a[column] instanceof Date ? when(a[column]) : String(a[column] ?? "—")]),
      [t("export.blocked"), data.blockedNumber ? t("export.yes") : t("export.no")],
    ];
    const table = (caption: string, headers: string[], body: string[][]) => (
      <section className="space-y-2" aria-label={caption}>
        <h2 className="text-xl font-semibold">{caption}</h2>
        {body.length === 0 ? (
          <p>{t("export.none")}</p>
        ) : (
          <div className="overflow-x-auto rounded border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-50">
                <tr>
                  {headers.map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 text-left font-semibold">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {body.map((cells, i) => (
                  <tr key={i}>
                    {cells.map((c, j) => (
                      <td key={j} className="whitespace-pre-wrap px-3 py-2 align-top">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    );
    return (
      <article className="space-y-6">
        <p>
          <a href={`/staff/privacy/${data.request.id}`} className="text-brand-700 underline">
            {t("detail.title", { id: data.request.id })}
          </a>
        </p>
        <h1 className="text-2xl font-bold">{t("export.title", { id: data.request.id })}</h1>
        <p>{t("export.intro")}</p>
        <p className="text-sm text-slate-600">{t("export.generatedAt", { date: when(data.generatedAt) })}</p>
        <section className="space-y-2" aria-labelledby="export-application">
          <h2 id="export-application" className="text-xl font-semibold">
            {t("export.application")} #{a.id}
          </h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
            {rows.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="font-medium first-letter:uppercase">{term}</dt>
                <dd className="mb-2 whitespace-pre-wrap sm:mb-0">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        {table(
          t("export.disclosures"),
          [t("export.when"), t("export.who"), t("export.channel")],
          data.disclosures.map((d) => [when(d.at), staff(d.recipient), oneOf(AUDIT_CHANNELS, d.channel) ? v(`channels.${d.channel}`) : (d.channel ?? "—")]),
        )}
        {table(
          t("export.exports"),
          [t("export.when"), t("export.who"), t("export.rows")],
          data.exports.map((e) => [when(e.at), staff(e.by), [oneOf(AUDIT_FORMATS, e.format) ? v(`formats.${e.format}`) : e.format, e.rows === null ? null : t("export.rowCount", { count: e.rows })].filter(Boolean).join(", ") || "—"]),
        )}
        {table(
          t("export.history"),
          [t("export.when"), t("export.who"), t("export.what")],
          data.history.map((h) => [
            when(h.at),
            h.staff ? staff(h.staff) : h.by === "STAFF" ? v("unknownStaff") : t(`export.by.${h.by}`),
            describeHistoryEvent({ ...h, detail: { fields: h.fields, reason: h.reason } }, history),
          ]),
        )}
        {table(
          t("export.mail"),
          [t("export.when"), t("export.what"), t("column.status")],
          data.mail.map((m) => [when(m.createdAt), `${m.to}\n${m.subject}\n\n${m.text}`, `${v(`mailStatus.${m.status}`)}${m.sentAt ? ` ${when(m.sentAt)}` : ""}`]),
        )}
        {table(
          t("export.requests"),
          [t("column.id"), t("column.type"), t("column.received"), t("column.status")],
          data.privacyRequests.map((r) => [String(r.id), t(`type.${r.type}`), when(r.receivedAt), `${t(`status.${r.status}`)}${r.note ? `\n${r.note}` : ""}`]),
        )}
        {table(
          t("export.messages"),
          [t("export.when"), t("export.what"), t("column.status")],
          data.messages.map((m) => [when(m.createdAt), `${m.name ?? ""}\n${m.body}`.trim(), `${v(`messageStatus.${m.status}`)}${m.answeredAt ? ` ${when(m.answeredAt)}` : ""}`]),
        )}
        {table(
          t("export.expansion"),
          [t("export.when"), t("export.what"), t("column.status")],
          data.expansionRequests.map((e) => [when(e.createdAt), [e.name, displayPhone(e.mobile), e.email, e.streets, e.remark].filter(Boolean).join("\n"), te(`status.${e.status}`)]),
        )}
        {data.violationReports.length > 0 &&
          table(
            t("export.violationReports"),
            [t("export.when"), t("export.what")],
            data.violationReports.map((r) => [when(r.createdAt), [v(`reasons.${r.reason}`), r.note].filter(Boolean).join("\n")]),
          )}
      </article>
    );
  });
}
