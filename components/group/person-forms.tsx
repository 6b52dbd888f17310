import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import { UNREACHABLE_REASONS, VIOLATION_NOTE_MAX, VIOLATION_REASONS, type RemovableFrom } from "@/lib/group/group.schema";
import type { CheckedMember, GroupPerson } from "@/lib/group/get-group-workspace";
import { field, primaryButton, secondaryButton, summaryLink } from "./styles";

// The actions on one person. Each is a plain form around the Server Action the page passes: it
// works without JavaScript, and shows the action's answer (in the viewer's language) next to
// its button.

/** ASSIGNED or UNREACHABLE → ADDED. */
export async function MarkAddedForm({ person, action }: { person: GroupPerson; action: FormAction }) {
  const t = await getTranslations("staff.group");
  return (
    <ActionForm action={action}>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="from" value={person.status} />
      <input type="hidden" name="to" value="ADDED" />
      <button type="submit" className={primaryButton}>
        {t("markAdded")}
        <span className="sr-only">: {person.name}</span>
      </button>
    </ActionForm>
  );
}

/** ASSIGNED → UNREACHABLE, with a reason code. */
export async function UnreachableForm({ person, action }: { person: GroupPerson; action: FormAction }) {
  const t = await getTranslations("workspace.unreachable");
  const id = `unreachable-${person.id}`;
  return (
    <details>
      <summary className={summaryLink}>
        {t("form")}
        <span className="sr-only"> {person.name}</span>
      </summary>
      <ActionForm action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={person.id} />
        <input type="hidden" name="from" value="ASSIGNED" />
        <ReasonSelect id={id} label={t("reason")} options={UNREACHABLE_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))} />
        <button type="submit" className={secondaryButton}>
          {t("submit")}
        </button>
      </ActionForm>
    </details>
  );
}

/** A removal task done, or (from ADDED) a member who left. */
export async function RemovalForm({ person, from, label, action }: { person: GroupPerson; from: RemovableFrom; label: string; action: FormAction }) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="from" value={from} />
      <button type="submit" className={from === "ADDED" ? secondaryButton : primaryButton}>
        {label}
        <span className="sr-only">: {person.name}</span>
      </button>
    </ActionForm>
  );
}

/** The yearly member check: the contact person asked and the member still lives here ("houden"). */
export async function KeepMemberForm({ person, action }: { person: CheckedMember; action: FormAction }) {
  const t = await getTranslations("workspace.memberCheck");
  return (
    <ActionForm action={action}>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <button type="submit" className={primaryButton}>
        {t("keep")}
        <span className="sr-only">: {person.name}</span>
      </button>
    </ActionForm>
  );
}

/** For a member of the group: they left, or they broke the rules. */
export async function MemberMoreForms({ person, removeAction, reportAction }: { person: GroupPerson; removeAction: FormAction; reportAction: FormAction }) {
  const t = await getTranslations("workspace");
  const reasonId = `violation-reason-${person.id}`;
  const noteId = `violation-note-${person.id}`;
  return (
    <details>
      <summary className={summaryLink}>
        {t("added.more")}
        <span className="sr-only"> {t("person.actions", { name: person.name })}</span>
      </summary>
      <div className="mt-2 space-y-4">
        <a href={person.telUrl} className={secondaryButton}>
          {t("person.call")}
          <span className="sr-only"> {t("person.for", { name: person.name })}</span>
        </a>
        <div className="space-y-1">
          <p className="text-sm text-slate-700">{t("added.leftHint")}</p>
          <RemovalForm person={person} from="ADDED" label={t("added.left")} action={removeAction} />
        </div>
        <ActionForm action={reportAction} success={t("violation.sent")} className="space-y-2">
          <p className="font-medium">{t("violation.form")}</p>
          <input type="hidden" name="id" value={person.id} />
          <ReasonSelect
            id={reasonId}
            label={t("violation.reason")}
            options={VIOLATION_REASONS.map((reason) => ({ value: reason, label: t(`violation.reasons.${reason}`) }))}
          />
          <label htmlFor={noteId} className="block text-sm font-medium">
            {t("violation.note")}
          </label>
          <textarea id={noteId} name="note" rows={2} maxLength={VIOLATION_NOTE_MAX} aria-describedby={`${noteId}-hint`} className={field} />
          <p id={`${noteId}-hint`} className="text-sm text-slate-700">
            {t("violation.noteHint")}
          </p>
          <button type="submit" className={secondaryButton}>
            {t("violation.submit")}
          </button>
        </ActionForm>
      </div>
    </details>
  );
}

/** A reason code to choose (never free text), the first one preselected. */
function ReasonSelect({ id, label, options }: { id: string; label: string; options: { value: string; label: string }[] }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name="reason" required className={field} defaultValue={options[0]?.value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
