/**
 * What every Server Action answers its form (lib/http/server-action.ts builds them all), with
 * every text already in the viewer's language: the form only shows it. Shared by the actions
 * and the one form component (components/action-form.tsx); no server imports here.
 */
export type FormResult =
  | { ok: true; notice?: string }
  | {
      ok: false;
      /** Why, for the form's look and for tests: "invalid", "notFound", "conflict", "transition", "retry", "unavailable", … */
      reason: string;
      /** About the whole form. */
      notice: string;
      /** Per field: "label: message" when the form lists them under the notice, else the message beside the field. */
      fields?: Record<string, string>;
      /** What was typed, so a refused form is filled in again. */
      values?: Record<string, string>;
      /** Lines that explain the notice (the rules an address rule overlaps). */
      lines?: string[];
      /** A link that helps (the application a draft duplicates). */
      link?: { href: string; label: string };
      /** Saving needs a second, explicit press (an overlap the coordinator may accept). */
      confirm?: boolean;
      /**
       * A question before storing ("Bedoel je Kerkstraat?"): the form shows it with two buttons
       * that send `choiceField` as "suggested" (with `suggestion` in `suggestionField`) or "typed".
       */
      question?: { text: string; note: string; accept: string; keep: string; suggestion: string; suggestionField: string; choiceField: string };
    };

/** A Server Action as a form with feedback calls it (useActionState). */
export type FormAction = (previous: FormResult | null, formData: FormData) => Promise<FormResult>;

/** A Server Action for a plain form that always ends in a redirect. */
export type PlainFormAction = (formData: FormData) => Promise<void>;
