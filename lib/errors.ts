/**
 * What the data layer throws for expected outcomes; actions and routes turn them into a
 * message in the user's language (never a 500).
 */

/** Missing, or not yours: the same answer, so nobody learns that a record exists. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor() {
    super("not found");
  }
}

/** Someone else saved first. `changedFields` says what they changed. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(readonly changedFields: readonly string[] = []) {
    super("conflict");
  }
}

/** The status change is not allowed from this status, or not for this role. */
export class TransitionError extends Error {
  override readonly name = "TransitionError";
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`transition ${from} → ${to} not allowed`);
  }
}

/** Input that passed the form's schema but not the domain's rules, keyed by field. */
export class DomainValidationError extends Error {
  override readonly name = "DomainValidationError";
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid");
  }
}

/** Thrown by a public form's work to ask the visitor about a suggestion instead of storing. */
export class FormQuestion extends Error {
  override readonly name = "FormQuestion";
  constructor(
    readonly kind: "didYouMeanStreet",
    readonly suggestion: string,
  ) {
    super("question");
  }
}

/** Too many attempts from this client for now (a rate limit inside the work, e.g. per private link). */
export class TooManyRequestsError extends Error {
  override readonly name = "TooManyRequestsError";
}
