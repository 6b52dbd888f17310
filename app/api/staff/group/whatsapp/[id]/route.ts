import { requireApi } from "@/lib/auth/guards";
import { welcomeChatUrl } from "@/lib/group/get-group-person";
import { ifNotFound, notFoundResponse } from "@/lib/http/not-found";
import { recordIdOrNotFound } from "@/lib/http/record-id";
import { routeWhenDatabaseDown } from "@/lib/http/when-database-down";

export const dynamic = "force-dynamic";

/**
 * The workspace's WhatsApp button: a 303 to WhatsApp's click-to-chat link with the welcome
 * message prefilled in the person's language. Only for a person in the viewer's own workspace
 * (anything else is 404), and each use is in the audit trail. Never cached, and the link does
 * not travel on as a referrer.
 */
export const GET = routeWhenDatabaseDown(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { viewer, response } = await requireApi("/api/staff/group/whatsapp/[id]");
  if (response) return response;
  const url = await ifNotFound(welcomeChatUrl(viewer, recordIdOrNotFound((await params).id)), () => null);
  if (!url) return notFoundResponse();
  return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});
