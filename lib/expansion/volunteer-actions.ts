"use server";

import { handlePublicForm } from "../public-forms/handle-public-form";
import type { FormState } from "../public-forms/form-state";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { kickMailWorker } from "../mail/mail-worker";
import { submitExpansionRequest } from "./submit-expansion-request";
import { VOLUNTEER_FIELDS, volunteerSchema } from "./volunteer.schema";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function offerToVolunteer(_previous: FormState, formData: FormData): Promise<FormState> {
  return actionWhenDatabaseDown(async () => {
    return handlePublicForm(
      {
        form: "volunteer",
        schema: volunteerSchema,
        fields: VOLUNTEER_FIELDS,
        limit: PUBLIC_LIMITS.volunteer,
        botRedirect: "/volunteer/thanks",
        run: async (input, { locale }) => {
          await submitExpansionRequest(input, { locale });
          kickMailWorker();
          return "/volunteer/thanks";
        },
      },
      formData,
    );
  });
}
