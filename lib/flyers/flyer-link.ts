/**
 * The link a flyer's QR code and printed address lead to. Pure; no server imports (the apply and
 * volunteer pages read the same parameter with `prefillStreet`).
 *
 * Only the street goes into the link, never anything about a resident (issue 16, part 1).
 */

/** The query parameter that carries the street: `/apply?straat=Kerkstraat`. */
export const STREET_PARAM = "straat";

// Street names are letters, digits, spaces and a little punctuation ("'s-Gravenweg",
// "Burg. v.d. Berghstraat", "Laan 1940-1945"); anything else (markup, quotes, links) is refused.
const STREET = /^[\p{L}\p{M}\p{N} .'’\-/()]+$/u;

/**
 * The street from a link's query parameter, or undefined when it is absent or not a plausible
 * street name (2–100 characters of the set above, NFC, spaces collapsed). A refused value is
 * simply not filled in: the form stays empty, nothing is echoed.
 */
export function prefillStreet(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const street = value.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (street.length < 2 || street.length > 100 || !STREET.test(street)) return undefined;
  return street;
}

/**
 * The absolute link for a flyer: `APP_URL` + `/apply` (a street or subarea with a group) or
 * `/volunteer` (an uncovered street), with `?straat=` when there is a street.
 * `display` is the same link without `https://` and a trailing slash, for print.
 */
export function flyerLink(appUrl: string, form: "apply" | "volunteer", street?: string): { url: string; display: string } {
  const url = new URL(`/${form}`, appUrl);
  if (street) url.searchParams.set(STREET_PARAM, street);
  const href = url.toString();
  return { url: href, display: href.replace(/^https?:\/\//u, "").replace(/\/$/u, "") };
}
