import { z } from "zod";

/** The sign-in form, checked in the browser (type=email) and again on the server. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  // Where to go after signing in: only a staff page of this site.
  callbackUrl: z
    .string()
    .optional()
    .transform((url) => (url && /^\/staff(\/[\w\-/[\]?=&%.]*)?$/.test(url) && !url.startsWith("//") ? url : "/staff")),
});
