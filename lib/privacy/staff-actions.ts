"use server";

import { serverAction } from "../http/server-action";
import { closePrivacyRequest } from "./close-privacy-request";
import { erasePrivacySubject } from "./erase-privacy-subject";
import { closePrivacyRequestSchema, recordPrivacyRequestSchema } from "./privacy-request.schema";
import { recordPrivacyRequest } from "./record-privacy-request";

/** A coordinator records a request; on success the request's page, with its deadline. */
export const recordPrivacyRequestAction = serverAction({
  capability: "privacy.handle",
  schema: recordPrivacyRequestSchema,
  texts: "staffPrivacy",
  keep: ["type", "applicationId", "receivedOn", "note"],
  fieldsBeside: true,
  revalidate: ["/staff/privacy"],
  run: async (input, { viewer }) => {
    const { id } = await recordPrivacyRequest(viewer, input);
    return { redirect: `/staff/privacy/${id}` };
  },
});

/** Closes a request as answered or refused. */
export const closePrivacyRequestAction = serverAction({
  capability: "privacy.handle",
  schema: closePrivacyRequestSchema,
  texts: "staffPrivacy",
  revalidate: ({ id }) => [`/staff/privacy/${id}`],
  run: async (input, { viewer }) => {
    await closePrivacyRequest(viewer, input);
  },
});

/** Carries out an erasure request. */
export const erasePrivacySubjectAction = serverAction({
  capability: "privacy.erase",
  schema: closePrivacyRequestSchema.pick({ id: true }),
  texts: "staffPrivacy",
  revalidate: ({ id }) => [`/staff/privacy/${id}`],
  run: async ({ id }, { viewer }) => {
    await erasePrivacySubject(viewer, id);
  },
});
