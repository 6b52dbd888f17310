import type { z } from "zod";

/**
 * The form's fields for the schema: each as its value, except `lists` (always a list). A field
 * sent twice otherwise is passed on as a list, which no schema of a single value accepts: a
 * browser never does that, and taking one of the values would validate something else than what
 * was sent. Next.js's own fields ($ACTION_…) are left out. The field names are the client's: the
 * object has no prototype, so a field named `__proto__` or `constructor` is a field like any
 * other (an unknown one, for the schema), never the object's prototype.
 */
export function formInput(formData: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null);
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION") || /^\d+_\$ACTION/.test(name)) continue;
    const all = formData.getAll(name);
    input[name] = lists.includes(name) || all.length > 1 ? all : all[0];
  }
  for (const name of lists) input[name] ??= [];
  return input;
}

/** A zod failure as `{ field: code }`: the first problem of each field, the code being the schema's message ("required"). */
export function issueCodes(error: z.ZodError): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    codes[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return codes;
}
