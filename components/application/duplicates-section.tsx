import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { ApplicationDetail } from "@/lib/applications/application-detail";
import type { FormAction } from "@/lib/http/form-result";
import { displayPhone } from "@/lib/phone/mobile";
import { ApplicationRef } from "./application-ref";
import { secondary } from "./styles";

/** Possible duplicates (same number), each with "merge into" while the application may still be rejected. */
export async function DuplicatesSection({ detail: { application: a, duplicates, moves }, mergeAction }: { detail: ApplicationDetail; mergeAction: FormAction }) {
  if (duplicates.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("staff"), getFormatter()]);
  return (
    <section aria-labelledby="duplicates" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4">
      <h2 id="duplicates" className="text-lg font-semibold">{t("detail.duplicates")}</h2>
      <ul className="space-y-2">
        {duplicates.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <a href={`/staff/applications/${d.id}`} className="text-brand-700 underline">#{d.id} {d.name}</a> · {displayPhone(d.mobile)} · {t(`status.${d.status}`)} · {format.dateTime(d.createdAt, { dateStyle: "short" })}
            </span>
            {moves.reject && !a.inGroup && (
              <ActionForm action={mergeAction}>
                <ApplicationRef id={a.id} version={a.version} />
                <input type="hidden" name="originalId" value={d.id} />
                <button type="submit" className={secondary}>{t("detail.mergeInto", { id: d.id })}</button>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
