import { z } from "zod";

export const inviteStaffSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("invalidEmail").max(254, "tooLong")),
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  role: z.enum(["COORDINATOR", "CONTACT_PERSON"], "required"),
  subareaIds: z.array(z.coerce.number().int().positive()).max(50).default([]),
});

export type InviteStaff = z.infer<typeof inviteStaffSchema>;
