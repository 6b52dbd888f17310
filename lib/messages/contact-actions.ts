"use server";

import { serverAction } from "../http/server-action";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { CONTACT_FIELDS, contactSchema } from "./contact.schema";
import { submitMessage } from "./submit-message";

export const sendQuestion = serverAction({
  public: { form: "contact", botRedirect: "/contact/thanks", limit: PUBLIC_LIMITS.contact, outageNotice: true },
  schema: contactSchema,
  keep: CONTACT_FIELDS,
  run: async (input, { locale }) => {
    await submitMessage(input, { locale });
    return { redirect: "/contact/thanks" };
  },
});
