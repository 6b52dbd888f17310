import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicationHeader } from "@/components/application/application-header";
import { DetailsSection } from "@/components/application/details-section";
import { DuplicatesSection } from "@/components/application/duplicates-section";
import { HistorySection } from "@/components/application/history-section";
import { TriageSection } from "@/components/application/triage-section";
import { getApplicationDetail } from "@/lib/applications/application-detail";
import { assignApplicationAction, mergeDuplicateAction, updateApplicationAction } from "@/lib/applications/detail-actions";
import { changeApplicationStatus } from "@/lib/applications/status-actions";
import { requirePage } from "@/lib/auth/guards";
import { recordIdOrNotFound } from "@/lib/http/record-id";
import { orNotFound } from "@/lib/http/not-found";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("staff.nav.applications") };
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  return pageWhenDatabaseDown(async () => {
    const { id } = await params;
    const viewer = await requirePage("/staff/applications/[id]", `/staff/applications/${encodeURIComponent(id)}`);
    const detail = await orNotFound(getApplicationDetail(viewer, recordIdOrNotFound(id)));
    return (
      <article className="space-y-6">
        <ApplicationHeader application={detail.application} />
        <div className="grid gap-6 lg:grid-cols-2">
          <TriageSection detail={detail} assignAction={assignApplicationAction} statusAction={changeApplicationStatus} />
          <DetailsSection application={detail.application} action={updateApplicationAction} />
        </div>
        <DuplicatesSection detail={detail} mergeAction={mergeDuplicateAction} />
        <HistorySection detail={detail} />
      </article>
    );
  });
}
