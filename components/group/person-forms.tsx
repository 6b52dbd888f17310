import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import type { FormAction } from "@/lib/http/form-result";
import { UNREACHABLE_REASONS, VIOLATION_NOTE_MAX, VIOLATION_REASONS, type RemovableFrom } from "@/lib/group/group.schema";
import type { GroupPerson } from "@/lib/group/get-group-workspace";
import { field, primaryButton, secondaryButton } from "./styles";

// The actions on one person, as the person's own page (/staff/group/person/[id]) and the yearly
// check's list show them. Each is a plain form around the Server Action the page passes: it
// works without JavaScript, and shows the action's answer (in the viewer's language) next to
// its button. The task lists put their one action per person in task-list.tsx instead.

/** What a form needs of the person: the id it sends, the name its button says, the status it saw. */
type FormPerson = Pick<GroupPerson, "id" | "name" | "status">;

/** ASSIGNED or UNREACHABLE → ADDED. */
export async function MarkAddedForm({ person, action }: { person: FormPerson; action: FormAction }) {
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
export async function UnreachableForm({ person, action }: { person: FormPerson; action: FormAction }) {
  const t = await getTranslations("workspace.unreachable");
  return (
    <ActionForm action={action} className="space-y-2" labelledBy="unreachable-heading">
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="from" value="ASSIGNED" />
      <ReasonSelect id="unreachable-reason" label={t("reason")} options={UNREACHABLE_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))} />
      <button type="submit" className={secondaryButton}>
        {t("submit")}
      </button>
    </ActionForm>
  );
}

/** A removal task done, or (from ADDED) a member who left. */
export async function RemovalForm({ person, from, label, action }: { person: FormPerson; from: RemovableFrom; label: string; action: FormAction }) {
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
export async function KeepMemberForm({ person, action }: { person: FormPerson & { version: number }; action: FormAction }) {
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

/** A member broke the group rules: a reason code and a short note, for the coordinator. */
export async function ViolationForm({ person, action }: { person: FormPerson; action: FormAction }) {
  const t = await getTranslations("workspace.violation");
  return (
    <ActionForm action={action} success={t("sent")} className="space-y-2" labelledBy="violation-heading">
      <input type="hidden" name="id" value={person.id} />
      <ReasonSelect id="violation-reason" label={t("reason")} options={VIOLATION_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))} />
      <label htmlFor="violation-note" className="block text-sm font-medium">
        {t("note")}
      </label>
      <textarea id="violation-note" name="note" rows={2} maxLength={VIOLATION_NOTE_MAX} aria-describedby="violation-note-hint" className={field} />
      <p id="violation-note-hint" className="text-sm text-slate-700">
        {t("noteHint")}
      </p>
      <button type="submit" className={secondaryButton}>
        {t("submit")}
      </button>
    </ActionForm>
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
