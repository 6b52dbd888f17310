import { z } from "zod";

const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const CONTROL_BUT_LINES = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/**
 * Text without control characters (a NUL byte cannot even be stored in PostgreSQL) and
 * direction overrides (they make text look different from what it is); tabs and line breaks
 * stay. For what staff type, who are not hostile but paste from anywhere.
 */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_BUT_LINES, "");
}

/** `z.string()` that drops control characters first (see above); chain `.trim()`, `.max()`… as usual. */
export const cleanString = () => z.string().overwrite(withoutControlCharacters);

/**
 * A search box's text from the URL (`?q=`): control characters become spaces, then trimmed;
 * too long or not text gives the empty search, so a hostile or old link still shows the list.
 */
export const searchTextSchema = z
  .string()
  .transform((value) => value.replace(CONTROL, " ").trim())
  .pipe(z.string().max(100))
  .catch("")
  .default("");
