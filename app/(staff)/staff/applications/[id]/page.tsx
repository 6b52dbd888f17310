import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guards";
import { getApplication } from "@/lib/applications/get-application";
import { NotFoundError } from "@/lib/errors";
import { formatPostcode } from "@/lib/subareas/address";

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("/staff/applications/[id]", `/staff/applications/${encodeURIComponent(id)}`);
  const application = await getApplication(viewer, Number(id)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("staff"), getFormatter()]);
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold">{application.name}</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">{t("applications.mobile")}</dt>
        <dd>{application.mobile}</dd>
        <dt className="font-medium">{t("applications.address")}</dt>
        <dd>{`${application.street} ${application.houseNumber}${application.houseNumberSuffix ?? ""}, ${formatPostcode(application.postcode)}`}</dd>
        <dt className="font-medium">{t("applications.status")}</dt>
        <dd>{t(`status.${application.status}`)}</dd>
        <dt className="font-medium">{t("applications.subarea")}</dt>
        <dd>{application.subarea?.name ?? "—"}</dd>
        <dt className="font-medium">{t("applications.created")}</dt>
        <dd>{format.dateTime(application.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
    </article>
  );
}
