import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDevOutbox } from "@/lib/mail/list-dev-outbox";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export default async function DevOutboxPage() {
  return pageWhenDatabaseDown(async () => {
    const [t, format, mails] = await Promise.all([getTranslations("devOutbox"), getFormatter(), listDevOutbox()]);
    if (!mails) notFound();
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
        {mails.length === 0 && <p>{t("empty")}</p>}
        {mails.map((mail) => (
          <article key={String(mail.id)} className="space-y-1 rounded border border-slate-200 p-4">
            <h2 className="font-semibold">{mail.subject}</h2>
            <p className="text-sm text-slate-600">
              {t("to")}: {mail.to} · {t("created")}: {format.dateTime(mail.createdAt, { dateStyle: "short", timeStyle: "short" })}
            </p>
            <pre className="whitespace-pre-wrap break-words font-sans text-sm">{mail.text}</pre>
          </article>
        ))}
      </section>
    );
  });
}
