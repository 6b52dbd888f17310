/**
 * A name as part of a download's file name: "Admiraal Helfrichlaan" → "admiraal-helfrichlaan".
 * Accents dropped, anything but a–z and 0–9 becomes one hyphen, at most 60 characters, so it is
 * safe inside a Content-Disposition header; an empty result becomes "buurt".
 */
export function fileSlug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "buurt"
  );
}
