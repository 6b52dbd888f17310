"use server";

import { handlePublicForm } from "../public-forms/handle-public-form";
import type { FormState } from "../public-forms/form-state";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { DomainValidationError } from "../errors";
import { kickMailWorker } from "../mail/mail-worker";
import { APPLY_FIELDS, applySchema } from "./apply.schema";
import { submitApplication } from "./submit-application";
import { actionWhenDatabaseDown } from "../http/when-database-down";

/** The apply form. Outside the area: a field error, nothing stored. */
export async function applyForGroup(_previous: FormState, formData: FormData): Promise<FormState> {
  return actionWhenDatabaseDown(async () => {
    return handlePublicForm(
      {
        form: "apply",
        schema: applySchema,
        fields: APPLY_FIELDS,
        limit: PUBLIC_LIMITS.apply,
        botRedirect: "/apply/thanks",
        run: async (input, { locale }) => {
          const outcome = await submitApplication(input, { locale });
          if (outcome.result === "outside") throw new DomainValidationError({ street: "outsideArea" });
          if (outcome.mailed) kickMailWorker();
          // What the page says depends on what was typed, never on what was already known.
          const query = new URLSearchParams({ ...(outcome.result === "waiting" ? { area: "waiting" } : {}), ...(input.email ? { mail: "1" } : {}) });
          return `/apply/thanks${query.size ? `?${query}` : ""}`;
        },
      },
      formData,
    );
  });
}
