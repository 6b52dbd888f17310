import { getTranslations } from "next-intl/server";
import { requireApi } from "@/lib/auth/guards";
import { exportGroupVCard } from "@/lib/group/export-group-vcard";
import { workspaceQuerySchema } from "@/lib/group/group.schema";
import { ifNotFound, notFoundResponse } from "@/lib/http/not-found";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";
import { fileSlug } from "@/lib/http/file-name";

export const dynamic = "force-dynamic";

/** The workspace's "to add" list as a vCard file; every download is in the audit trail. */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/group/vcard");
  if (response) return response;
  const query = workspaceQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const subareaId = query.subarea ?? viewer.subareaIds[0];
  const card = subareaId === undefined ? null : await ifNotFound(exportGroupVCard(viewer, subareaId), () => null);
  if (!card) return notFoundResponse();
  const t = await getTranslations("workspace.toAdd");
  const filename = `${t("vcardFile", { subarea: fileSlug(card.subareaName) })}.vcf`;
  return new Response(card.vcf, {
    headers: {
      "Content-Type": "text/vcard; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Row-Count": String(card.count),
    },
  });
});

/** "Deelgebied 1 – Noordwest" → "deelgebied-1-noordwest": safe in a header and a file name. */
