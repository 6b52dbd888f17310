import { requireApi } from "@/lib/auth/guards";
import { importProgress } from "@/lib/intake/import-progress";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

/** How far a running import is (in this instance): `{ done, total }`, or `{}` when unknown. */
export const GET = routeWhenDatabaseDown(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { response } = await requireApi("/api/staff/import/[id]/progress");
  if (response) return response;
  const progress = importProgress(Number((await params).id));
  return Response.json(progress ?? {}, { headers: { "Cache-Control": "no-store" } });
});
