import { getTranslations } from "next-intl/server";
import { ActionForm } from "./action-form";
import { buttonClass, FormField } from "./form-field";
import type { FormAction } from "@/lib/http/form-result";

/** "Which subarea is Kerkstraat 12?" — answered by the server, without reloading with JS. */
export async function AddressTester({ action }: { action: FormAction }) {
  const t = await getTranslations("staff");
  return (
    <section aria-labelledby="tester" className="space-y-2 rounded border border-slate-200 p-4">
      <h2 id="tester" className="text-lg font-semibold">{t("subareas.tester")}</h2>
      <p className="text-sm">{t("subareas.testerIntro")}</p>
      <ActionForm action={action} className="grid grid-cols-2 gap-2 sm:grid-cols-4 sm:items-end">
        <FormField id="test-street" name="street" label={t("fields.street")} className="col-span-2" required />
        <FormField id="test-number" name="houseNumber" label={t("fields.houseNumber")} inputMode="numeric" required />
        <FormField id="test-postcode" name="postcode" label={t("fields.postcode")} />
        <div className="col-span-2 sm:col-span-4">
          <button type="submit" className={buttonClass}>{t("subareas.test")}</button>
        </div>
      </ActionForm>
    </section>
  );
}
