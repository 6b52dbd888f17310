import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/copy-button";
import type { GroupPerson } from "@/lib/group/get-group-workspace";
import { secondaryButton, smallButton, whatsappButton } from "./styles";

/**
 * One person in the workspace: name and number (selectable text, with a copy button where the
 * browser can copy), one tap to WhatsApp with the welcome message or to call; the actions for
 * their list below. `compact` (members already in the group) shows only name, number, actions.
 */
export async function PersonCard({
  person,
  note,
  whatsapp = true,
  compact = false,
  children,
}: {
  person: GroupPerson;
  note?: string;
  /** Offer the WhatsApp chat with the welcome message. */
  whatsapp?: boolean;
  compact?: boolean;
  children?: ReactNode;
}) {
  const t = await getTranslations("workspace.person");
  const context = t("for", { name: person.name });
  return (
    <li className={`person-card ${compact ? "px-3 py-2" : "p-3"}`}>
      <h3 className="person-name">{person.name}</h3>
      <div className="person-number-row">
        <span className="person-number">{person.mobileDisplay}</span>
        {!compact && <CopyButton text={person.mobile} label={t("copy")} done={t("copied")} context={context} className={smallButton} />}
      </div>
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      {!compact && (
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
        </div>
      )}
      {children && <div className={`space-y-3 ${compact ? "mt-1" : "mt-3 border-t border-slate-200 pt-3"}`}>{children}</div>}
    </li>
  );
}
