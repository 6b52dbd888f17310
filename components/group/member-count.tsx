import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import { memberCountLevel, NEAR_LIMIT_SHARE, WHATSAPP_GROUP_LIMIT } from "@/lib/group/group-limits";
import type { GroupSubarea } from "@/lib/group/get-group-workspace";
import { field, secondaryButton } from "./styles";

/** The group's size against WhatsApp's limit, with a warning when it is nearly full. */
export async function MemberSummary({ subarea }: { subarea: GroupSubarea }) {
  const t = await getTranslations("workspace.members");
  const level = memberCountLevel(subarea.memberCount);
  return (
    <div className="space-y-2">
      <p id="member-count">{t("count", { count: subarea.memberCount, limit: WHATSAPP_GROUP_LIMIT })}</p>
      <meter
        aria-labelledby="member-count"
        min={0}
        max={WHATSAPP_GROUP_LIMIT}
        low={Math.ceil(WHATSAPP_GROUP_LIMIT * NEAR_LIMIT_SHARE)}
        high={WHATSAPP_GROUP_LIMIT}
        optimum={0}
        value={subarea.memberCount}
        className="block h-4 w-full"
      >
        {subarea.memberCount} / {WHATSAPP_GROUP_LIMIT}
      </meter>
      {level !== "ok" && (
        <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-950">
          {level === "full"
            ? t("full", { limit: WHATSAPP_GROUP_LIMIT })
            : t("near", { left: WHATSAPP_GROUP_LIMIT - subarea.memberCount })}
        </p>
      )}
    </div>
  );
}

/** The contact person copies the count from WhatsApp's group info. */
export async function MemberCountForm({ subarea, action }: { subarea: GroupSubarea; action: FormAction }) {
  const t = await getTranslations("workspace.members");
  return (
    <ActionForm action={action} success={t("saved")} className="space-y-2">
      <input type="hidden" name="subareaId" value={subarea.id} />
      <input type="hidden" name="version" value={subarea.version} />
      <label htmlFor="memberCount" className="block font-medium">
        {t("label")}
      </label>
      <input
        id="memberCount"
        name="memberCount"
        type="number"
        inputMode="numeric"
        min={0}
        max={WHATSAPP_GROUP_LIMIT}
        required
        defaultValue={subarea.memberCount}
        aria-describedby="memberCount-hint"
        className={`${field} max-w-40`}
      />
      <p id="memberCount-hint" className="text-sm text-slate-700">
        {t("hint", { limit: WHATSAPP_GROUP_LIMIT })}
      </p>
      <button type="submit" className={secondaryButton}>
        {t("save")}
      </button>
    </ActionForm>
  );
}
