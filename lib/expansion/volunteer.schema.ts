import { z } from "zod";
import { emailField, mobileField, optionalText, personName, text } from "../public-forms/fields.schema";

/** A volunteer's offer to be contact person for an area without a group. */
export const volunteerSchema = z.object({
  name: personName(100, { min: 2 }),
  mobile: mobileField,
  email: emailField,
  streets: text(1000, { min: 3, multiline: true }),
  remark: optionalText(2000, { multiline: true }),
});

export type VolunteerInput = z.infer<typeof volunteerSchema>;
export const VOLUNTEER_FIELDS = ["name", "mobile", "email", "streets", "remark"] as const;
