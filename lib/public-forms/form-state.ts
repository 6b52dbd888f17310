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
}
