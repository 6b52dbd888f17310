import type { ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import type { GroupPerson } from "@/lib/group/get-group-workspace";
import { telUrl } from "@/lib/phone/tel-url";
import { secondaryButton, smallButton, summaryLink, whatsappButton } from "./styles";

/** What a card needs of a person: what the contact person may see, nothing more. */
export type CardPerson = Pick<GroupPerson, "id" | "name" | "mobile" | "mobileDisplay">;

/** The card's words in the viewer's language, made once per page (not once per person). */
export interface CardTexts {
  whatsapp: string;
  call: string;
  copy: string;
  copied: string;
}

/** The WhatsApp button's address: a redirect to the chat with the welcome message (app/api/staff/group/whatsapp). */
export const whatsappHref = (id: number) => `/api/staff/group/whatsapp/${id}`;
/** The person's own page in the workspace, with the actions a card leaves out. */
export const personHref = (id: number) => `/staff/group/person/${id}`;

/**
 * One person in the workspace: name and number (selectable text, with a copy button where the
 * browser can copy), one tap to WhatsApp with the welcome message or to call; the actions for
 * their list after that, and a link to their own page for the rare ones (`more`). `compact`
 * (members already in the group) shows only the name, as the link to their own page, and the
 * number. A plain component, so
 * the server-rendered lists and the client-rendered task lists (task-list.tsx) share it; every
 * name a button or link repeats for screen readers is in the text, never only in a title.
 */
export function PersonCard({
  person,
  texts,
  note,
  whatsapp = true,
  compact = false,
  more,
  named = true,
  children,
}: {
  person: CardPerson;
  texts: CardTexts;
  note?: string;
  /** Offer the WhatsApp chat with the welcome message. */
  whatsapp?: boolean;
  compact?: boolean;
  /** The label of the link to the person's own page. */
  more?: string;
  /** False where the page's own heading names the person (their page). */
  named?: boolean;
  children?: ReactNode;
}) {
  // One text node (no React separator comment in the HTML): ": Anna de Vries" after each label.
  const who = <span className="sr-only">{`: ${person.name}`}</span>;
  return (
    <li className={compact ? "person-card person-card-compact" : "person-card"}>
      {named && <h3 className="person-name">{compact ? <a href={personHref(person.id)}>{person.name}</a> : person.name}</h3>}
      {compact ? (
        <p className="person-number">{person.mobileDisplay}</p>
      ) : (
        <div className="person-number-row">
          <span className="person-number">{person.mobileDisplay}</span>
          <CopyButton text={person.mobile} label={texts.copy} done={texts.copied} context={person.name} className={smallButton} />
        </div>
      )}
      {note && <p className="person-note">{note}</p>}
      {(!compact || children || more) && (
        <div className="person-actions">
          {!compact && whatsapp && (
            // noreferrer implies noopener (HTML): the chat opens without a way back to this page.
            <a href={whatsappHref(person.id)} target="_blank" rel="noreferrer" className={whatsappButton}>
              {texts.whatsapp}
              {who}
            </a>
          )}
          {!compact && (
            <a href={telUrl(person.mobile)} className={secondaryButton}>
              {texts.call}
              {who}
            </a>
          )}
          {children}
          {more && (
            <a href={personHref(person.id)} className={summaryLink}>
              {more}
              {who}
            </a>
          )}
        </div>
      )}
    </li>
  );
}
