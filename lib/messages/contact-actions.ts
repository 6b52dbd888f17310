"use server";

import { handlePublicForm } from "../public-forms/handle-public-form";
import type { FormState } from "../public-forms/form-state";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { CONTACT_FIELDS, contactSchema } from "./contact.schema";
import { submitMessage } from "./submit-message";
import { actionWhenDatabaseDown } from "../http/when-database-down";

export async function sendQuestion(_previous: FormState, formData: FormData): Promise<FormState> {
  return actionWhenDatabaseDown(async () => {
    return handlePublicForm(
      {
        form: "contact",
        schema: contactSchema,
        fields: CONTACT_FIELDS,
        limit: PUBLIC_LIMITS.contact,
        botRedirect: "/contact/thanks",
        run: async (input, { locale }) => {
          await submitMessage(input, { locale });
          return "/contact/thanks";
        },
      },
      formData,
    );
  });
}
