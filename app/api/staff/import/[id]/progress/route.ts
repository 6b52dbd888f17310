import { requireApi } from "@/lib/auth/guards";
import { importProgress } from "@/lib/intake/import-progress";

/** How far a running import is (in this instance): `{ done, total }`, or `{}` when unknown. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { response } = await requireApi("/api/staff/import/[id]/progress");
  if (response) return response;
  const progress = importProgress(Number((await params).id));
  return Response.json(progress ?? {}, { headers: { "Cache-Control": "no-store" } });
}
