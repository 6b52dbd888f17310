import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import type { GroupChange } from "@/lib/group/undo-group-change";
import { FocusOnChange } from "./focus-on-change";
import { secondaryButton } from "./styles";

/**
 * What the contact person's last action did ("Anna de Vries staat nu op toegevoegd"), with an
 * undo while it is allowed. The live region is always in the page, so that a message appearing
 * in it after the action is announced by screen readers; without JavaScript the page simply
 * loads with the message.
 */
export async function ChangeFeedback({ change, asked, undoAction }: { change: GroupChange | null; asked: boolean; undoAction: FormAction }) {
  const t = await getTranslations("workspace.feedback");
  let message: string | null = null;
  if (change?.change.kind === "status") message = t("changed", { name: change.name, to: change.change.to });
  else if (change?.change.kind === "removed") message = t("removed", { name: change.name });
  else if (change?.change.kind === "undone") message = t("undone", { name: change.name, status: change.change.status });
  else if (asked) message = t("done");
  return (
    <div id="feedback" tabIndex={-1} className="scroll-mt-4 focus:outline-none">
      <FocusOnChange targetId="feedback" changeKey={message && change ? `${change.id}:${change.version}` : ""} />
      <div role="status" aria-live="polite" aria-atomic="true">
        {message && <p className="rounded-md border border-brand-600 bg-brand-50 p-3 font-medium">{message}</p>}
      </div>
      {change && change.change.kind !== "undone" && (
        change.undoable ? (
          <ActionForm action={undoAction} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
            <input type="hidden" name="id" value={change.id} />
            <input type="hidden" name="version" value={change.version} />
            <button type="submit" className={secondaryButton} aria-describedby="undo-hint">
              {t("undo")}
              <span className="sr-only">: {change.name}</span>
            </button>
            <p id="undo-hint" className="text-sm text-slate-700">{t("undoHint")}</p>
          </ActionForm>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("tooLate")}</p>
        )
      )}
    </div>
  );
}
