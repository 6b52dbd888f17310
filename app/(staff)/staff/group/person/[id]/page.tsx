import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PersonCard, type CardTexts } from "@/components/group/person-card";
import { KeepMemberForm, MarkAddedForm, RemovalForm, UnreachableForm, ViolationForm } from "@/components/group/person-forms";
import { changeApplicationStatus } from "@/lib/applications/status-actions";
import { REMOVAL_STATUSES } from "@/lib/applications/status-machine";
import { requirePage } from "@/lib/auth/guards";
import { getGroupPerson } from "@/lib/group/get-group-person";
import { confirmGroupRemoval, keepCheckedMemberAction, markApplicationUnreachable, reportRuleViolation } from "@/lib/group/group-actions";
import { href } from "@/lib/http/href";
import { orNotFound } from "@/lib/http/not-found";
import { recordIdOrNotFound } from "@/lib/http/record-id";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.group") };
}

/**
 * One person of the contact person's workspace, with every action their status allows: the
 * rare ones (not reachable, left the group, a rule violation) live here so that the workspace's
 * cards stay small. Someone outside the viewer's workspace is "not found".
 */
export default async function GroupPersonPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/group/person/[id]", `/staff/group/person/${encodeURIComponent(id)}`);
    const person = await orNotFound(getGroupPerson(viewer, recordIdOrNotFound(id), "detail"));
    const t = await getTranslations("workspace");
    const texts: CardTexts = { whatsapp: t("person.whatsapp"), call: t("person.call"), copy: t("person.copy"), copied: t("person.copied") };
    const removalFrom = person.inGroup ? REMOVAL_STATUSES.find((status) => status === person.status) : undefined;
    return (
      <div className="mx-auto max-w-xl space-y-6">
        <p>
          <a href={href("/staff/group", {}, { subarea: person.subarea.id })} className="text-brand-700 underline underline-offset-4">
            {t("personPage.back", { subarea: person.subarea.name })}
          </a>
        </p>
        <h1 className="text-2xl font-bold">{person.name}</h1>
        <ul>
          <PersonCard person={person} texts={texts} named={false} whatsapp={person.status === "ASSIGNED" || person.status === "UNREACHABLE"} note={t("personPage.status", { status: person.status })}>
            {(person.status === "ASSIGNED" || person.status === "UNREACHABLE") && <MarkAddedForm person={person} action={changeApplicationStatus} />}
            {removalFrom && <RemovalForm person={person} from={removalFrom} label={t("toRemove.confirm")} action={confirmGroupRemoval} />}
            {person.status === "ADDED" && person.memberCheckOpen && <KeepMemberForm person={person} action={keepCheckedMemberAction} />}
          </PersonCard>
        </ul>
        {person.status === "ASSIGNED" && (
          <Part id="unreachable-heading" title={t("personPage.unreachable")}>
            <UnreachableForm person={person} action={markApplicationUnreachable} />
          </Part>
        )}
        {person.status === "ADDED" && (
          <>
            <Part id="left-heading" title={t("personPage.left")}>
              <p className="text-sm text-slate-700">{t("added.leftHint")}</p>
              <RemovalForm person={person} from="ADDED" label={t("added.left")} action={confirmGroupRemoval} />
            </Part>
            <Part id="violation-heading" title={t("personPage.violation")}>
              <ViolationForm person={person} action={reportRuleViolation} />
            </Part>
          </>
        )}
      </div>
    );
  });
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 rounded-lg border border-slate-200 p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
