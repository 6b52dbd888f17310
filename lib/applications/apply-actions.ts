"use server";

import { DomainValidationError, FormQuestion } from "../errors";
import { serverAction } from "../http/server-action";
import { kickMailWorker } from "../mail/mail-worker";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { APPLY_FIELDS, applySchema } from "./apply.schema";
import { submitApplication } from "./submit-application";

/**
 * The apply form. Outside the area: a field error, nothing stored. A street the matcher is
 * unsure of: the question "Bedoel je …?" with everything typed kept; "yes" sends the suggested
 * street, "no" stores the address as typed for a coordinator (when its postcode is ours).
 */
export const applyForGroup = serverAction({
  public: { form: "apply", botRedirect: "/apply/thanks", limit: PUBLIC_LIMITS.apply, outageNotice: true },
  schema: applySchema,
  keep: APPLY_FIELDS,
  run: async (input, { locale }) => {
    const accepted = input.addressChoice === "suggested" && input.suggestedStreet ? { ...input, street: input.suggestedStreet } : input;
    const outcome = await submitApplication(accepted, { locale, keepTyped: input.addressChoice === "typed" });
    if (outcome.result === "outside") throw new DomainValidationError({ street: "outsideArea" });
    // Nothing stored yet: the form asks, keeping everything typed.
    if (outcome.result === "uncertain") throw new FormQuestion("didYouMeanStreet", outcome.suggestion);
    if (outcome.mailed) kickMailWorker();
    // What the page says depends on what was typed, never on what was already known.
    const query = new URLSearchParams({ ...(outcome.result === "waiting" ? { area: "waiting" } : {}), ...(input.email ? { mail: "1" } : {}) });
    return { redirect: `/apply/thanks${query.size ? `?${query}` : ""}` };
  },
});
