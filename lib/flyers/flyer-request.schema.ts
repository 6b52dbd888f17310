import { z } from "zod";
import { LOCALES } from "../i18n/locales";

/**
 * The flyer form's fields (GET /api/staff/flyers): `target` a choice key from
 * `listFlyerChoices`, `format` A5 flyer or A4 poster, `lang` the flyer's language. No server
 * imports: the page and the route handler share it.
 */
export const flyerRequestSchema = z.object({
  target: z.string().trim().min(1).max(200),
  format: z.enum(["A5", "A4"]),
  lang: z.enum(LOCALES),
});

export type FlyerRequest = z.infer<typeof flyerRequestSchema>;
