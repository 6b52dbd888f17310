import { z } from "zod";
import { cleanString } from "../http/search-text.schema";
import { StaffRole } from "../db/generated/enums";

export const inviteStaffSchema = z.object({
  email: cleanString().trim().toLowerCase().pipe(z.email("invalidEmail").max(254, "tooLong")),
  name: cleanString().trim().min(1, "required").max(120, "tooLong"),
  role: z.enum(StaffRole, "required"),
  subareaIds: z.array(z.coerce.number().int().positive()).max(50).default([]),
});

export type InviteStaff = z.infer<typeof inviteStaffSchema>;
