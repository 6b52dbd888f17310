"use server";

import { serverAction } from "../http/server-action";
import { kickMailWorker } from "../mail/mail-worker";
import { PUBLIC_LIMITS } from "../public-forms/public-limits";
import { submitExpansionRequest } from "./submit-expansion-request";
import { VOLUNTEER_FIELDS, volunteerSchema } from "./volunteer.schema";

export const offerToVolunteer = serverAction({
  public: { form: "volunteer", botRedirect: "/volunteer/thanks", limit: PUBLIC_LIMITS.volunteer, outageNotice: true },
  schema: volunteerSchema,
  keep: VOLUNTEER_FIELDS,
  run: async (input, { locale }) => {
    await submitExpansionRequest(input, { locale });
    kickMailWorker();
    return { redirect: "/volunteer/thanks" };
  },
});
