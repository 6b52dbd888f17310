import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { requirePage } from "@/lib/auth/guards";
import { applicationQuerySchema } from "@/lib/applications/application-query.schema";
import { listApplications } from "@/lib/applications/list-applications";
import { changeApplicationStatus } from "@/lib/applications/status-actions";

export default async function GroupPage() {
  const viewer = await requirePage("/staff/group");
  const t = await getTranslations("staff");
  if (viewer.subareaIds.length === 0) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{t("group.title")}</h1>
        <p>{t("group.none")}</p>
      </section>
    );
  }
  const page = await listApplications(viewer, applicationQuerySchema.parse({ size: 100 }));
  const errors = { notFound: t("errors.notFound"), conflict: t("errors.conflict"), transition: t("errors.transition"), invalid: t("errors.invalid") };
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold">{t("group.title")}</h1>
      <ul className="divide-y divide-slate-100">
        {page.rows.map((person) => (
          <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{person.name}</span> · {person.mobile} · {t(`status.${person.status}`)}
            </span>
            {person.status === "ASSIGNED" && (
              <ActionForm action={changeApplicationStatus} errors={errors}>
                <input type="hidden" name="id" value={person.id} />
                <input type="hidden" name="from" value={person.status} />
                <input type="hidden" name="to" value="ADDED" />
                <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
                  {t("group.markAdded")}
                </button>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
