import { z } from "zod";
import { cleanString } from "../http/search-text.schema";

/** Privacy requests: the forms' schemas, shared by the forms and the actions (no server imports). */

export const PRIVACY_REQUEST_TYPES = ["ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION"] as const;
export type PrivacyRequestType = (typeof PRIVACY_REQUEST_TYPES)[number];

const note = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), cleanString().trim().max(1000, "tooLong").optional());

/** A coordinator records a request that came in by mail, phone or letter. */
export const recordPrivacyRequestSchema = z.object({
  type: z.enum(PRIVACY_REQUEST_TYPES, "required"),
  applicationId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number("number").int("number").positive("number").max(2_147_483_647, "number").optional(),
  ),
  receivedOn: z
    .string("date")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "date"),
  note,
});
export type RecordPrivacyRequestInput = z.infer<typeof recordPrivacyRequestSchema>;

/** A resident asks from their private link. */
export const residentPrivacyRequestSchema = z.object({
  token: z.string().min(1).max(200),
  type: z.enum(PRIVACY_REQUEST_TYPES),
  note,
});

export const closePrivacyRequestSchema = z.object({
  id: z.coerce.number().int().positive(),
  outcome: z.enum(["DONE", "REFUSED"]),
});

/** The register's view in the URL: open requests (by deadline) or closed ones (newest first). */
export const privacyRequestQuerySchema = z.object({
  view: z.enum(["open", "closed"]).catch("open").default("open"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PrivacyRequestQuery = z.infer<typeof privacyRequestQuerySchema>;
