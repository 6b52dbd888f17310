import { getFormatter, getTranslations } from "next-intl/server";
import type { ApplicationDetail } from "@/lib/applications/application-detail";
import { describeHistoryEvent } from "@/lib/applications/describe-history";
import { historyWords } from "@/lib/applications/history-words";

/** What happened to the application, oldest first, and who did it. */
export async function HistorySection({ detail: { application: a, names } }: { detail: ApplicationDetail }) {
  const [t, v, history, format] = await Promise.all([getTranslations("staff"), getTranslations("vocabulary"), historyWords(), getFormatter()]);
  return (
    <section aria-labelledby="history" className="space-y-2">
      <h2 id="history" className="text-lg font-semibold">{t("detail.history")}</h2>
      <ol className="space-y-1 border-l-2 border-slate-200 pl-4 text-sm">
        {a.events.map((e) => {
          const person = e.actorKind === "STAFF" && e.actorId ? names.get(e.actorId) : undefined;
          return (
            <li key={String(e.id)}>
              <span className="text-slate-600">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "short" })}</span>{" "}
              <span className="font-medium">{describeHistoryEvent(e, history)}</span>
              {" · "}
              <span className="text-slate-600">
                {e.actorKind !== "STAFF" ? t(`actors.${e.actorKind}`) : person ? v("byStaff", { name: person.name, role: t(`roles.${person.role}`) }) : v("unknownStaff")}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
