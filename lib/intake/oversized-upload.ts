import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT } from "./upload-limits";

/** The query parameter a staff upload page reads to show its "hoogstens 5 MB" message. */
export const UPLOAD_REFUSED_PARAM = "upload";

/**
 * A form posted without JavaScript whose body is over the Server Action limit would make Next.js
 * answer 500 before our action runs. Such a post (multipart, no `Next-Action` header, to a staff
 * page) is sent back to the same page with `?upload=tooLarge` (303), which shows the same
 * message the action and the browser check give. Null for every other request.
 */
export function redirectOversizedUpload(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || request.headers.has("next-action")) return null;
  if (!request.nextUrl.pathname.startsWith("/staff/")) return null;
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!(length > SERVER_ACTION_BODY_LIMIT)) return null;
  const target = request.nextUrl.clone();
  target.search = "";
  target.searchParams.set(UPLOAD_REFUSED_PARAM, "tooLarge");
  return NextResponse.redirect(target, 303);
}
