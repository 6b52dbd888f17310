import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/copy-button";
import type { GroupPerson } from "@/lib/group/get-group-workspace";
import { secondaryButton, whatsappButton } from "./styles";

/**
 * One person in the workspace: name and number (selectable text), one tap to WhatsApp with the
 * welcome message, to call, or to copy the number; the actions for their list below.
 */
export async function PersonCard({
  person,
  note,
  whatsapp = true,
  children,
}: {
  person: GroupPerson;
  note?: string;
  /** Offer the WhatsApp chat with the welcome message (not for people already in the group). */
  whatsapp?: boolean;
  children?: ReactNode;
}) {
  const t = await getTranslations("workspace.person");
  const context = t("for", { name: person.name });
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-3 shadow-sm">
      <p className="text-lg font-semibold leading-snug">{person.name}</p>
      <p className="select-all font-mono text-base tabular-nums text-slate-800">{person.mobileDisplay}</p>
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      <div className="mt-3 flex flex-wrap gap-2">
        {whatsapp && (
          <a href={person.whatsappUrl} target="_blank" rel="noopener noreferrer" className={whatsappButton}>
            {t("whatsapp")}
            <span className="sr-only"> {context}</span>
          </a>
        )}
        <a href={person.telUrl} className={secondaryButton}>
          {t("call")}
          <span className="sr-only"> {context}</span>
        </a>
        <CopyButton text={person.mobile} label={t("copy")} done={t("copied")} context={context} className={secondaryButton} />
      </div>
      {children && <div className="mt-3 space-y-3 border-t border-slate-200 pt-3">{children}</div>}
    </li>
  );
}
