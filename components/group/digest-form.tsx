import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import { DIGEST_CHOICES } from "@/lib/group/group.schema";
import { secondaryButton } from "./styles";

/** Whether the contact person gets (at most) a daily mail about people waiting to be added. */
export async function DigestForm({ digest, action }: { digest: (typeof DIGEST_CHOICES)[number]; action: FormAction }) {
  const t = await getTranslations("workspace.digest");
  return (
    <ActionForm action={action} success={t("saved")} className="space-y-2">
      <fieldset className="space-y-2" aria-describedby="digest-hint">
        <legend className="font-medium">{t("legend")}</legend>
        {[...DIGEST_CHOICES].reverse().map((choice) => (
          <label key={choice} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="digest" value={choice} defaultChecked={digest === choice} required className="h-5 w-5" />
            {t(choice)}
          </label>
        ))}
      </fieldset>
      <p id="digest-hint" className="text-sm text-slate-700">
        {t("hint")}
      </p>
      <button type="submit" className={secondaryButton}>
        {t("save")}
      </button>
    </ActionForm>
  );
}
