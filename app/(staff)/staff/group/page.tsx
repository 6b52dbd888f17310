import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/data-table";
import { ChangeFeedback } from "@/components/group/change-feedback";
import { DigestForm } from "@/components/group/digest-form";
import { MemberCountForm, MemberSummary } from "@/components/group/member-count";
import { PersonCard, type CardPerson, type CardTexts } from "@/components/group/person-card";
import { KeepMemberForm, RemovalForm } from "@/components/group/person-forms";
import { TaskList } from "@/components/group/task-list";
import { primaryButton, secondaryButton } from "@/components/group/styles";
import { requirePage } from "@/lib/auth/guards";
import { changeApplicationStatus } from "@/lib/applications/status-actions";
import { confirmGroupRemoval, keepCheckedMemberAction, setAssignmentDigest, undoGroupChangeAction, updateGroupMemberCount } from "@/lib/group/group-actions";
import { orNotFound } from "@/lib/http/not-found";
import { getDigestPreference } from "@/lib/group/digest-preference";
import { getGroupWorkspace, type GroupPerson } from "@/lib/group/get-group-workspace";
import { findGroupChange } from "@/lib/group/undo-group-change";
import { workspaceQuerySchema } from "@/lib/group/group.schema";
import { href } from "@/lib/http/href";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.group") };
}
/** The contact person's workspace: mobile first, a few minutes a week. */
export default async function GroupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return pageWhenDatabaseDown(async () => {
    const viewer = await requirePage("/staff/group");
    const t = await getTranslations();
    if (viewer.subareaIds.length === 0) {
      return (
        <section className="max-w-2xl space-y-3">
          <h1 className="text-2xl font-bold">{t("staff.group.title")}</h1>
          <p>{t("staff.group.none")}</p>
        </section>
      );
    }
    const query = workspaceQuerySchema.parse(await searchParams);
    // Just changed (or changed back) one person: say so, and open that person's subarea.
    const changedId = query.done ?? query.undone;
    const change = changedId === undefined ? null : await findGroupChange(viewer, changedId);
    const subareaId = query.subarea ?? change?.subareaId ?? viewer.subareaIds[0]!;
    const [workspace, digest] = await Promise.all([
      orNotFound(getGroupWorkspace(viewer, subareaId, { page: query.page, q: query.q })),
      getDigestPreference(viewer),
    ]);
    const { subarea, subareas, toAdd, toRemove, unreachable, added, memberCheck } = workspace;
    const here = { subarea: query.subarea };
    const texts: CardTexts = { whatsapp: t("workspace.person.whatsapp"), call: t("workspace.person.call"), copy: t("workspace.person.copy"), copied: t("workspace.person.copied") };

    return (
      <div className="mx-auto max-w-5xl space-y-8">
        <header className="space-y-3">
          <h1 className="text-2xl font-bold">
            {t("staff.group.title")}
            <span className="block text-lg font-semibold text-slate-700">{subarea.name}</span>
          </h1>
          <p className="max-w-2xl text-slate-700">{t("workspace.intro")}</p>
          {subareas.length > 1 && (
            <nav aria-label={t("workspace.switcher")}>
              <ul className="flex flex-wrap gap-2">
                {subareas.map((s) => (
                  <li key={s.id}>
                    <a
                      href={href("/staff/group", {}, { subarea: s.id })}
                      aria-current={s.id === subarea.id ? "page" : undefined}
                      className={s.id === subarea.id ? primaryButton : secondaryButton}
                    >
                      {s.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <MemberSummary subarea={subarea} />
          <ChangeFeedback change={change} asked={changedId !== undefined} undoAction={undoGroupChangeAction} />
        </header>

        <ListSection id="to-add" title={t("workspace.toAdd.heading")} count={toAdd.total} intro={t("workspace.toAdd.howTo")}>
          {toAdd.rows.length > 0 && (
            <div className="space-y-1">
              <a href={href("/api/staff/group/vcard", {}, { subarea: subarea.id })} download className={secondaryButton}>
                {t("workspace.toAdd.vcard", { count: toAdd.rows.length })}
              </a>
              <p className="text-sm text-slate-700">{t("workspace.toAdd.vcardHint")}</p>
            </div>
          )}
          {toAdd.total > toAdd.rows.length && <p>{t("workspace.toAdd.more", { shown: toAdd.rows.length, total: toAdd.total })}</p>}
          {orEmpty(
            toAdd.rows,
            t("workspace.toAdd.empty"),
            <TaskList
              people={toAdd.rows.map(card)}
              texts={texts}
              action={changeApplicationStatus}
              forms={[{ id: "to-add-form", fields: { from: "ASSIGNED", to: "ADDED" } }]}
              button={{ label: t("staff.group.markAdded"), primary: true }}
              more={t("workspace.unreachable.form")}
            />,
          )}
        </ListSection>

        <ListSection id="to-remove" title={t("workspace.toRemove.heading")} count={toRemove.total} intro={t("workspace.toRemove.intro")}>
          {orEmpty(
            toRemove.rows,
            t("workspace.toRemove.empty"),
            <TaskList
              people={toRemove.rows.map((person) => ({ ...card(person), note: t(`workspace.toRemove.why.${person.status}`), form: `to-remove-${person.status}` }))}
              texts={texts}
              whatsapp={false}
              action={confirmGroupRemoval}
              forms={[...new Set(toRemove.rows.map((person) => person.status))].map((status) => ({ id: `to-remove-${status}`, fields: { from: status } }))}
              button={{ label: t("workspace.toRemove.confirm"), primary: true }}
            />,
          )}
        </ListSection>

        {memberCheck.total > 0 && (
          <ListSection id="member-check" title={t("workspace.memberCheck.heading")} count={memberCheck.total} intro={t("workspace.memberCheck.intro")}>
            <ul className="person-grid">
              {memberCheck.rows.map((person) => (
                <PersonCard key={person.id} person={person} texts={texts} whatsapp={false} note={t(`workspace.memberCheck.why.${person.memberCheckOpen}`)}>
                  <KeepMemberForm person={person} action={keepCheckedMemberAction} />
                  <RemovalForm person={person} from="ADDED" label={t("workspace.memberCheck.remove")} action={confirmGroupRemoval} />
                </PersonCard>
              ))}
            </ul>
          </ListSection>
        )}

        <ListSection id="unreachable" title={t("workspace.unreachable.heading")} count={unreachable.total} intro={t("workspace.unreachable.intro")}>
          {orEmpty(
            unreachable.rows,
            t("workspace.unreachable.empty"),
            <TaskList
              people={unreachable.rows.map(card)}
              texts={texts}
              action={changeApplicationStatus}
              forms={[{ id: "unreachable-form", fields: { from: "UNREACHABLE", to: "ADDED" } }]}
              button={{ label: t("staff.group.markAdded"), primary: true }}
            />,
          )}
        </ListSection>

        <ListSection id="added" title={t("workspace.added.heading")} count={added.total}>
          <form method="get" action="/staff/group#added" role="search" className="flex flex-wrap items-end gap-2">
            {query.subarea !== undefined && <input type="hidden" name="subarea" value={query.subarea} />}
            <div className="min-w-0 flex-1">
              <label htmlFor="q" className="block text-sm font-medium">
                {t("workspace.added.search")}
              </label>
              <input id="q" name="q" type="search" defaultValue={query.q} className="field" />
            </div>
            <button type="submit" className={secondaryButton}>
              {t("workspace.added.searchButton")}
            </button>
            {query.q && (
              <a href={`${href("/staff/group", here)}#added`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                {t("workspace.added.clear")}
              </a>
            )}
          </form>
          {orEmpty(added.rows, t("workspace.added.empty"), <TaskList people={added.rows.map(card)} texts={texts} compact />)}
          {added.total > added.size && (
            <Pagination page={added.page} size={added.size} total={added.total} href={(page) => `${href("/staff/group", { ...here, q: query.q }, { page })}#added`} />
          )}
        </ListSection>

        <div className="grid gap-6 rounded-lg bg-slate-50 p-4 md:grid-cols-2">
          <section aria-labelledby="members-heading" className="space-y-2">
            <h2 id="members-heading" className="text-lg font-semibold">
              {t("workspace.members.heading")}
            </h2>
            <MemberCountForm subarea={subarea} action={updateGroupMemberCount} />
          </section>
          <section aria-labelledby="digest-heading" className="space-y-2">
            <h2 id="digest-heading" className="text-lg font-semibold">
              {t("workspace.digest.heading")}
            </h2>
            <DigestForm digest={digest} action={setAssignmentDigest} />
          </section>
        </div>
      </div>
    );
  });
}

function ListSection({ id, title, count, intro, children }: { id: string; title: string; count: number; intro?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="flex items-baseline gap-2 text-xl font-bold">
        {title}
        <span className="count-badge">{count}</span>
      </h2>
      {intro && <p className="max-w-2xl text-slate-700">{intro}</p>}
      {children}
    </section>
  );
}

/** A list, or the sentence that says it is empty. */
function orEmpty(rows: readonly unknown[], empty: string, list: ReactNode): ReactNode {
  return rows.length === 0 ? <p className="text-slate-700">{empty}</p> : list;
}

/** Only what a card shows: the page sends each person to the browser once, as these fields. */
function card({ id, name, mobile, mobileDisplay }: GroupPerson): CardPerson {
  return { id, name, mobile, mobileDisplay };
}
