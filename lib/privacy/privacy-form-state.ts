/** What the privacy forms' Server Actions return: messages already in the user's language. */
export interface PrivacyFormState {
  ok?: boolean;
  /** Shown above the button: a success note or a general error. */
  message?: string;
  /** Per field, for aria-invalid and the message under the field. */
  fieldErrors?: Record<string, string>;
  /** What was typed, so a rejected form keeps it. */
  values?: Record<string, string>;
}
