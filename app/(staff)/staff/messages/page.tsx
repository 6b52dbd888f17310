import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { buttonClass, fieldClass, secondaryButtonClass } from "@/components/form-field";
import { Pagination } from "@/components/data-table";
import { requirePage } from "@/lib/auth/guards";
import { href } from "@/lib/http/href";
import { markMessageAnsweredAction, replyToMessageAction } from "@/lib/messages/message-actions";
import { listMessages } from "@/lib/messages/manage-messages";
import { messageQuerySchema } from "@/lib/messages/message.schema";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.messages") };
}
export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/messages");
    const query = messageQuerySchema.parse(await searchParams);
    const [t, format, page] = await Promise.all([getTranslations("staff"), getFormatter(), listMessages(viewer, query)]);
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("messagesPage.title")}</h1>
        <nav aria-label={t("messagesPage.filter")} className="flex gap-3 text-sm">
          {(["OPEN", "ANSWERED"] as const).map((s) => (
            <a key={s} href={href("/staff/messages", { status: s })} aria-current={query.status === s ? "page" : undefined} className={query.status === s ? "font-semibold underline" : "text-brand-700 underline"}>
              {t(`messagesPage.${s}`)}
            </a>
          ))}
        </nav>
        {page.rows.length === 0 && <p>{t("messagesPage.empty")}</p>}
        <ul className="space-y-4">
          {page.rows.map((m) => (
            <li key={m.id} className="space-y-2 rounded border border-slate-200 p-4">
              <p className="text-sm text-slate-600">
                {m.name ?? t("messagesPage.anonymous")} · {m.replyTo ?? t("messagesPage.noReplyTo")} · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {m.locale.toUpperCase()}
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
              {m.status === "ANSWERED" ? (
                <p className="text-sm">
                  {t("messagesPage.answeredOn", { date: format.dateTime(m.answeredAt ?? m.createdAt, { dateStyle: "medium" }) })}
                  {m.reply && <span className="mt-1 block whitespace-pre-wrap rounded bg-slate-50 p-2">{m.reply}</span>}
                </p>
              ) : (
                <div className="space-y-2">
                  {m.replyTo && (
                    <ActionForm action={replyToMessageAction} label={t("messagesPage.reply")}>
                      <input type="hidden" name="id" value={m.id} />
                      <label htmlFor={`reply-${m.id}`} className="text-sm font-medium">{t("messagesPage.reply")}</label>
                      <textarea id={`reply-${m.id}`} name="reply" rows={3} className={fieldClass} required />
                      <button type="submit" className={`${buttonClass} mt-2`}>{t("messagesPage.send")}</button>
                    </ActionForm>
                  )}
                  <ActionForm action={markMessageAnsweredAction}>
                    <input type="hidden" name="id" value={m.id} />
                    <button type="submit" className={secondaryButtonClass}>{t("messagesPage.markAnswered")}</button>
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ul>
        <Pagination page={page.page} size={page.size} total={page.total} href={(p) => href("/staff/messages", { status: query.status, page: p })} />
      </section>
    );
  });
}
