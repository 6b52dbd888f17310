import type { ZodError } from "zod";
import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";

export type ActionError = "notFound" | "conflict" | "transition" | "invalid";

/**
 * What a Server Action answers a form. `fields` names the fields concerned, each with a message
 * code: what is wrong with it ("invalidMobile"), or "changed" for a conflicting save.
 */
export type ActionResult = { ok: true; notice?: string } | { ok: false; error: ActionError; fields?: Record<string, string> };

/** A zod failure as `{ field: code }`, the code being the schema's message (e.g. "required"). */
export function invalid(error: ZodError): ActionResult {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fields[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return { ok: false, error: "invalid", fields };
}

/**
 * Runs a data-layer call for a Server Action: expected failures become a result the form shows
 * in the user's language; anything else is a bug and is thrown. (Not in a "use server" file:
 * every export there is a public endpoint.)
 */
export async function toActionResult(run: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, error: "notFound" };
    if (error instanceof ConflictError) {
      return { ok: false, error: "conflict", fields: Object.fromEntries(error.changedFields.map((f) => [f, "changed"])) };
    }
    if (error instanceof TransitionError) return { ok: false, error: "transition" };
    if (error instanceof DomainValidationError) return { ok: false, error: "invalid", fields: error.fieldErrors };
    throw error;
  }
}
