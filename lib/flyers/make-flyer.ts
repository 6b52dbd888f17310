import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { config } from "../config/env";
import { flyerContent } from "./flyer-content";
import { fileSlug } from "../http/file-name";
import type { FlyerRequest } from "./flyer-request.schema";
import { resolveFlyerChoice } from "./flyer-targets";
import { renderFlyerPdf } from "./render-flyer-pdf";

/**
 * The PDF for a coordinator's choice on the flyer page, and its file name
 * ("flyer-a5-kerkstraat-nl.pdf", "poster-a4-centrum-en.pdf"). NotFoundError when the viewer is
 * no coordinator or the choice is not (or no longer) one of `listFlyerChoices`. The link in the
 * QR code starts with APP_URL.
 */
export async function makeFlyer(viewer: Viewer, request: FlyerRequest): Promise<{ pdf: Uint8Array; filename: string }> {
  const target = await resolveFlyerChoice(viewer, request.target);
  const { ORGANISATION_NAME, NEIGHBOURHOOD_NAME, MUNICIPALITY_NAME, APP_URL } = config();
  const content = flyerContent(target, request.lang, { organisation: ORGANISATION_NAME, neighbourhood: NEIGHBOURHOOD_NAME, municipality: MUNICIPALITY_NAME, appUrl: APP_URL });
  const pdf = await renderFlyerPdf(content, request.format);
  const kind = request.format === "A5" ? "flyer" : "poster";
  const filename = `${kind}-${request.format.toLowerCase()}-${fileSlug(target.kind === "uncovered" ? target.street : (target.street ?? target.subarea))}-${request.lang}.pdf`;
  return { pdf, filename };
}
