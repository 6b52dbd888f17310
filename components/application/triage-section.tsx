import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { RuleDescription } from "@/components/rule-description";
import type { ApplicationDetail } from "@/lib/applications/application-detail";
import { REJECTION_REASONS } from "@/lib/applications/rejection-reasons";
import type { FormAction } from "@/lib/http/form-result";
import { ApplicationRef } from "./application-ref";
import { button, input, secondary } from "./styles";

/** Subarea, suggestion and matched rule, with the moves the status machine allows: assign, reject, any other. */
export async function TriageSection({
  detail: { application: a, moves, subareas },
  assignAction,
  statusAction,
}: {
  detail: ApplicationDetail;
  assignAction: FormAction;
  statusAction: FormAction;
}) {
  const t = await getTranslations("staff");
  return (
    <section aria-labelledby="triage" className="space-y-4 rounded border border-slate-200 p-4">
      <h2 id="triage" className="text-lg font-semibold">{t("detail.triage")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("fields.subareaId")}</dt>
        <dd>{a.subarea?.name ?? "—"}</dd>
        <dt className="font-medium">{t("detail.suggested")}</dt>
        <dd>
          {a.suggestedSubarea ? `${a.suggestedSubarea.name}${a.suggestedSubarea.status !== "ACTIVE" ? ` (${t(`subareaStatus.${a.suggestedSubarea.status}`)})` : ""}` : t("detail.noMatch")}
        </dd>
        <dt className="font-medium">{t("detail.matchedRule")}</dt>
        <dd>{a.matchedRule ? <RuleDescription rule={a.matchedRule} /> : "—"}</dd>
      </dl>
      {moves.assign && (
        <ActionForm action={assignAction} label={t("detail.assign")} className="flex flex-wrap items-end gap-2">
          <ApplicationRef id={a.id} version={a.version} />
          <div className="grow">
            <label htmlFor="subareaId" className="text-sm font-medium">{t("detail.assignTo")}</label>
            <select id="subareaId" name="subareaId" defaultValue={a.subarea?.id ?? (a.suggestedSubarea?.status === "ACTIVE" ? a.suggestedSubarea.id : "")} className={input}>
              <option value="">{t("detail.chooseSubarea")}</option>
              {subareas.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className={button}>{a.status === "ASSIGNED" ? t("detail.reassign") : t("detail.assign")}</button>
        </ActionForm>
      )}
      {moves.reject && (
        <ActionForm action={statusAction} label={t("detail.reject")} className="flex flex-wrap items-end gap-2">
          <ApplicationRef id={a.id} version={a.version} />
          <input type="hidden" name="to" value="REJECTED" />
          <div className="grow">
            <label htmlFor="reason" className="text-sm font-medium">{t("detail.rejectReason")}</label>
            <select id="reason" name="reason" required defaultValue="" className={input}>
              <option value="" disabled>{t("detail.chooseReason")}</option>
              {REJECTION_REASONS.map((r) => (
                <option key={r} value={r}>{t(`reasons.${r}`)}</option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondary}>{t("detail.reject")}</button>
        </ActionForm>
      )}
      {moves.others.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {moves.others.map((to) => (
            <ActionForm key={to} action={statusAction}>
              <ApplicationRef id={a.id} version={a.version} />
              <input type="hidden" name="to" value={to} />
              <button type="submit" className={secondary}>{t("detail.moveTo", { status: t(`status.${to}`) })}</button>
            </ActionForm>
          ))}
        </div>
      )}
    </section>
  );
}
