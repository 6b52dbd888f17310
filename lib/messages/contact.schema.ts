import { z } from "zod";
import { optionalEmailField, optionalPersonName, text } from "../public-forms/fields.schema";

/** A question or remark for the coordinators; a reply address is optional. */
export const contactSchema = z.object({
  name: optionalPersonName(100),
  replyTo: optionalEmailField,
  body: text(4000, { min: 5, multiline: true }),
});

export type ContactInput = z.infer<typeof contactSchema>;
export const CONTACT_FIELDS = ["name", "replyTo", "body"] as const;
