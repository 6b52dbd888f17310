import { getTranslations } from "next-intl/server";
import { requireApi } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { exportGroupVCard } from "@/lib/group/export-group-vcard";
import { workspaceQuerySchema } from "@/lib/group/group.schema";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";
import { fileSlug } from "@/lib/http/file-name";

export const dynamic = "force-dynamic";

/** The workspace's "to add" list as a vCard file; every download is in the audit trail. */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/group/vcard");
  if (response) return response;
  const query = workspaceQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const subareaId = query.subarea ?? viewer.subareaIds[0];
  try {
    if (subareaId === undefined) throw new NotFoundError();
    const { vcf, count, subareaName } = await exportGroupVCard(viewer, subareaId);
    const t = await getTranslations("workspace.toAdd");
    const filename = `${t("vcardFile", { subarea: fileSlug(subareaName) })}.vcf`;
    return new Response(vcf, {
      headers: {
        "Content-Type": "text/vcard; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Row-Count": String(count),
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ title: "Not found" }, { status: 404 });
    throw error;
  }
});

/** "Deelgebied 1 – Noordwest" → "deelgebied-1-noordwest": safe in a header and a file name. */
