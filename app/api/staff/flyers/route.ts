import { requireApi } from "@/lib/auth/guards";
import { flyerRequestSchema } from "@/lib/flyers/flyer-request.schema";
import { makeFlyer } from "@/lib/flyers/make-flyer";
import { ifNotFound } from "@/lib/http/not-found";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/**
 * A flyer (A5) or poster (A4) as a PDF download, for the flyer page's form (coordinators).
 * A choice that is not (or no longer) on the page sends the coordinator back to the page with a
 * message, never a 500.
 */
export const GET = routeWhenDatabaseDown(async function GET(request: Request): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/flyers");
  if (response) return response;
  // A relative Location: the browser stays on the host it used (no Host header trusted).
  const back = () => new Response(null, { status: 303, headers: { Location: "/staff/flyers?error=choice", "Cache-Control": "no-store" } });
  const parsed = flyerRequestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return back();
  const flyer = await ifNotFound(makeFlyer(viewer, parsed.data), () => null);
  if (!flyer) return back();
  return new Response(new Uint8Array(flyer.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${flyer.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
