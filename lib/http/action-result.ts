import { ConflictError, DomainValidationError, NotFoundError, TransitionError } from "../errors";

export type ActionError = "notFound" | "conflict" | "transition" | "invalid";
export type ActionResult = { ok: true } | { ok: false; error: ActionError };

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
    if (error instanceof ConflictError) return { ok: false, error: "conflict" };
    if (error instanceof TransitionError) return { ok: false, error: "transition" };
    if (error instanceof DomainValidationError) return { ok: false, error: "invalid" };
    throw error;
  }
}
