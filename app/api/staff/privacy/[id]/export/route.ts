import { requireApi } from "@/lib/auth/guards";
import { DomainValidationError } from "@/lib/errors";
import { ifNotFound, notFoundResponse } from "@/lib/http/not-found";
import { recordIdSchema } from "@/lib/http/record-id";
import { buildAccessExport } from "@/lib/privacy/build-access-export";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/** The access export of a privacy request as JSON (coordinators); every export is in the audit trail. */
export const GET = routeWhenDatabaseDown(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/privacy/[id]/export");
  if (response) return response;
  const id = recordIdSchema.safeParse((await params).id);
  if (!id.success) return notFoundResponse();
  try {
    const data = await ifNotFound(buildAccessExport(viewer, id.data, "json"), () => null);
    if (!data) return notFoundResponse();
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="inzage-verzoek-${data.request.id}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainValidationError) return Response.json({ title: "This request is not linked to an application" }, { status: 422 });
    throw error;
  }
});
