type Params = Record<string, string | number | readonly (string | number)[] | undefined | null>;

/**
 * A link to `path` with `current` search params changed by `changes` (undefined/null/"" removes
 * a key; arrays are joined with commas). Keeps bookmarkable table views short.
 */
export function href(path: string, current: Params, changes: Params = {}): string {
  const merged: Params = { ...current, ...changes };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text) search.set(key, text);
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
