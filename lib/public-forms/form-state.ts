/**
 * What a public form's Server Action hands back to the form: the values to fill in again and
 * the messages to show, already translated. Shared by the action and the client form.
 */
export interface FormState {
  values?: Record<string, string>;
  /** Per field, translated. */
  errors?: Record<string, string>;
  /** About the whole form: "retry" (send again), "error" (refused), "unavailable" (try later). */
  notice?: { kind: "retry" | "error" | "unavailable"; text: string };
  /**
   * A question before storing ("Bedoel je Kerkstraat?"), translated: the form shows it with two
   * buttons that send `choice` as "suggested" (with `suggestion` in the field `suggestionField`)
   * or "typed"; everything typed stays in the form.
   */
  question?: { text: string; note: string; accept: string; keep: string; suggestion: string; suggestionField: string; choiceField: string };
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
