import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { buttonClass, fieldClass, FormField, secondaryButtonClass } from "@/components/form-field";
import { STAFF_ROLE_NAMES, STAFF_ROLES } from "@/lib/auth/capabilities";
import { requirePage } from "@/lib/auth/guards";
import { listStaff } from "@/lib/staff/manage-staff";
import { changeStaffRoleAction, inviteStaffAction, setStaffActiveAction, setStaffSubareasAction } from "@/lib/staff/staff-actions";
import { listSubareas } from "@/lib/subareas/list-subareas";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.staff") };
}
export default async function StaffPage() {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/staff");
    const [t, staff, subareas] = await Promise.all([getTranslations("staff"), listStaff(viewer), listSubareas(viewer)]);
    const assignable = subareas.filter((s) => s.status !== "RETIRED");
    return (
      <section className="space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("staffPage.title")}</h1>
          <p>{t("staffPage.intro")}</p>
        </header>

        <ul className="space-y-3">
          {staff.map((user) => {
            const mine = new Set(user.subareas.map((s) => s.subarea.id));
            const self = user.id === viewer.userId;
            return (
              <li key={user.id} className="space-y-2 rounded border border-slate-200 p-3">
                <h2 className="font-semibold">
                  {user.name ?? user.email} <span className="font-normal text-slate-600">· {user.email} · {t(`roles.${user.role}`)}{!user.active && ` · ${t("staffPage.inactive")}`}</span>
                </h2>
                {STAFF_ROLES[user.role].reach === "subareas" && (
                  <ActionForm action={setStaffSubareasAction} success={t("staffPage.saved")} label={t("staffPage.subareasOf", { name: user.name ?? user.email })}>
                    <input type="hidden" name="userId" value={user.id} />
                    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
                      <legend className="sr-only">{t("fields.subareaIds")}</legend>
                      {assignable.map((s) => (
                        <label key={s.id} className="inline-flex items-center gap-1 text-sm">
                          <input type="checkbox" name="subareaIds" value={s.id} defaultChecked={mine.has(s.id)} className="h-4 w-4" />
                          {s.name}
                        </label>
                      ))}
                      <button type="submit" className={secondaryButtonClass}>{t("staffPage.saveSubareas")}</button>
                    </fieldset>
                  </ActionForm>
                )}
                {!self && (
                  <div className="flex flex-wrap gap-2">
                    {STAFF_ROLE_NAMES.filter((role) => role !== user.role).map((role) => (
                      <ActionForm key={role} action={changeStaffRoleAction}>
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="role" value={role} />
                        <button type="submit" className={secondaryButtonClass}>
                          {t("staffPage.makeRole", { role: t(`roles.${role}`) })}
                        </button>
                      </ActionForm>
                    ))}
                    <ActionForm action={setStaffActiveAction}>
                      <input type="hidden" name="userId" value={user.id} />
                      <button type="submit" name="intent" value={user.active ? "deactivate" : "reactivate"} className={secondaryButtonClass}>
                        {user.active ? t("staffPage.deactivate") : t("staffPage.reactivate")}
                      </button>
                    </ActionForm>
                  </div>
                )}
              </li>
            );
          })}
        </ul>

        <section aria-labelledby="invite" className="space-y-2 rounded border border-slate-200 p-4">
          <h2 id="invite" className="text-lg font-semibold">{t("staffPage.invite")}</h2>
          <p className="text-sm">{t("staffPage.inviteIntro")}</p>
          <ActionForm action={inviteStaffAction} success={t("staffPage.invited")} className="grid gap-3 sm:grid-cols-2">
            <FormField id="invite-name" name="name" label={t("fields.name")} required autoComplete="off" />
            <FormField id="invite-email" name="email" label={t("fields.email")} type="email" required autoComplete="off" />
            <div>
              <label htmlFor="invite-role" className="text-sm font-medium">{t("fields.role")}</label>
              <select id="invite-role" name="role" defaultValue={STAFF_ROLE_NAMES[0]} className={fieldClass}>
                {STAFF_ROLE_NAMES.map((role) => (
                  <option key={role} value={role}>{t(`roles.${role}`)}</option>
                ))}
              </select>
            </div>
            <fieldset className="sm:col-span-2">
              <legend className="text-sm font-medium">{t("fields.subareaIds")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {assignable.map((s) => (
                  <label key={s.id} className="inline-flex items-center gap-1 text-sm">
                    <input type="checkbox" name="subareaIds" value={s.id} className="h-4 w-4" />
                    {s.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass}>{t("staffPage.inviteButton")}</button>
            </div>
          </ActionForm>
        </section>
      </section>
    );
  });
}
